import "server-only";
import { db } from "../db/client";
import { type LoadedRule, raiseAlarm } from "./alarm-store";
import { describeCondition } from "./evaluate-rule";
import { isSilent } from "./health-tracker";

/** Takes this pass's advisory lock: one console process judges silences at a time. */
async function flagSilentDatastreams(now: number): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const lock = await tx.$queryRaw<
      { locked: boolean }[]
    >`SELECT pg_try_advisory_xact_lock(hashtextextended('rhei.alarms.silence', 0)) AS locked`;
    if (!lock[0]?.locked) return false;
    const healths = await tx.datastreamHealth.findMany({
      select: {
        datastreamId: true,
        lastPhenomenonAt: true,
        intervalMs: true,
        silentSince: true,
        datastream: { select: { expectedIntervalSeconds: true } },
      },
    });
    for (const h of healths) {
      const interval = h.datastream.expectedIntervalSeconds
        ? h.datastream.expectedIntervalSeconds * 1000
        : h.intervalMs;
      const silent = isSilent(h.lastPhenomenonAt?.getTime(), interval, now);
      if (silent === (h.silentSince !== null)) continue;
      await tx.datastreamHealth.update({
        where: { datastreamId: h.datastreamId },
        data: { silentSince: silent ? new Date(now) : null },
      });
    }
    return true;
  });
}

/**
 * Silences are judged by time, not by records, so one console process does it (the one that holds the advisory
 * lock for this pass): datastreams quiet for three usual intervals are flagged, and rules of kind `silent` whose
 * datastream has had no record for their hold time raise an alarm (a record clears it, in the evaluator).
 */
export async function checkSilence(now = Date.now()): Promise<void> {
  if (!(await flagSilentDatastreams(now))) return;
  const rules = await db.alarmRule.findMany({
    where: { kind: "silent", enabled: true, alarms: { none: { state: "open" } } },
    include: { datastream: { select: { name: true, health: { select: { lastPhenomenonAt: true } } } } },
  });
  for (const r of rules) {
    const last = r.datastream.health?.lastPhenomenonAt?.getTime();
    if (last === undefined || now - last < r.holdSeconds * 1000) continue;
    const rule: LoadedRule = {
      id: r.id,
      companyId: r.companyId,
      datastreamId: r.datastreamId,
      name: r.name,
      kind: r.kind,
      threshold: null,
      low: null,
      high: null,
      value: null,
      holdSeconds: r.holdSeconds,
      severity: r.severity,
      conditionSince: last,
      openAlarmId: null,
    };
    const message = `${r.datastream.name} ${describeCondition(rule)} (last record ${new Date(last).toISOString()})`;
    await raiseAlarm(rule, now, null, message);
  }
}
