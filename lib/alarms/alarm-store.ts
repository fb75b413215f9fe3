import "server-only";
import { db } from "../db/client";
import { publishEvent } from "../events/publish-event";
import type { AlarmKind } from "./evaluate-rule";

export interface LoadedRule {
  id: string;
  companyId: string;
  datastreamId: string;
  name: string;
  kind: AlarmKind;
  threshold: number | null;
  low: number | null;
  high: number | null;
  value: string | null;
  holdSeconds: number;
  severity: "critical" | "major" | "minor" | "warning";
  conditionSince: number | null;
  openAlarmId: string | null;
}

/** The enabled rules of datastreams, with their held-since time and open alarm (what a restart goes on from). */
export async function loadRules(datastreamIds: readonly string[]): Promise<LoadedRule[]> {
  if (datastreamIds.length === 0) return [];
  const rows = await db.alarmRule.findMany({
    where: { datastreamId: { in: [...datastreamIds] }, enabled: true },
    include: { alarms: { where: { state: "open" }, select: { id: true }, take: 1 } },
  });
  return rows.map((r) => ({
    id: r.id,
    companyId: r.companyId,
    datastreamId: r.datastreamId,
    name: r.name,
    kind: r.kind,
    threshold: r.threshold,
    low: r.low,
    high: r.high,
    value: r.value,
    holdSeconds: r.holdSeconds,
    severity: r.severity,
    conditionSince: r.conditionSince?.getTime() ?? null,
    openAlarmId: r.alarms[0]?.id ?? null,
  }));
}

export async function setConditionSince(ruleId: string, since: number | null): Promise<void> {
  await db.alarmRule.update({
    where: { id: ruleId },
    data: { conditionSince: since === null ? null : new Date(since) },
  });
}

/** Opens the rule's alarm; a second open alarm of one rule cannot exist (openRuleId is unique). */
export async function raiseAlarm(rule: LoadedRule, at: number, value: unknown, message: string): Promise<string> {
  const open = () => db.alarm.findUniqueOrThrow({ where: { openRuleId: rule.id }, select: { id: true } });
  const alarm = await db
    .$transaction(async (tx) => {
      const existing = await tx.alarm.findUnique({ where: { openRuleId: rule.id } });
      if (existing) return existing;
      const created = await tx.alarm.create({
        data: {
          companyId: rule.companyId,
          ruleId: rule.id,
          datastreamId: rule.datastreamId,
          severity: rule.severity,
          openRuleId: rule.id,
          message,
          raisedAt: new Date(at),
          lastAt: new Date(at),
          lastValue: value === undefined ? undefined : (value as object),
        },
      });
      await publishEvent(
        { type: "alarm.changed", companyId: rule.companyId, alarmId: created.id, change: "created" },
        tx,
      );
      return created;
    })
    .catch(async (error: unknown) => {
      // Another process raised it a moment before (the unique open rule): that one is the alarm.
      if ((error as { code?: string }).code === "P2002") return open();
      throw error;
    });
  return alarm.id;
}

export async function repeatAlarm(alarmId: string, times: number, at: number, value: unknown): Promise<void> {
  await db.alarm.update({
    where: { id: alarmId },
    data: { occurrences: { increment: times }, lastAt: new Date(at), lastValue: value as object },
  });
}

export async function clearAlarm(rule: LoadedRule, alarmId: string, at: number): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.alarm.update({
      where: { id: alarmId },
      data: { state: "cleared", openRuleId: null, clearedAt: new Date(at) },
    });
    await tx.alarmRule.update({ where: { id: rule.id }, data: { conditionSince: null } });
    await publishEvent({ type: "alarm.changed", companyId: rule.companyId, alarmId, change: "updated" }, tx);
  });
}
