import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, actorUserId } from "../authz/actor";
import { authorize } from "../authz/authorize";
import { db } from "../db/client";
import { conflict, notFound } from "../errors";
import { publishEvent } from "../events/publish-event";
import { isId } from "../ids";

/** Acknowledges an alarm (operators and up): someone is on it. In the audit log. */
export async function acknowledgeAlarm({ actor, alarmId }: { actor: Actor; alarmId: string }) {
  if (!isId(alarmId)) throw notFound("Alarm");
  const alarm = await db.alarm.findUnique({ where: { id: alarmId } });
  if (!alarm) throw notFound("Alarm");
  await authorize(actor, "alarm.acknowledge", { companyId: alarm.companyId, what: "Alarm" });
  if (alarm.acknowledgedAt) throw conflict(`Acknowledged already by ${alarm.acknowledgedBy ?? "someone"}`);
  return db.$transaction(async (tx) => {
    const updated = await tx.alarm.update({
      where: { id: alarmId },
      data: { acknowledgedAt: new Date(), acknowledgedById: actorUserId(actor) ?? null, acknowledgedBy: actor.label },
    });
    await recordAuditEvent(tx, actor, {
      companyId: alarm.companyId,
      action: "alarm.acknowledge",
      target: { type: "alarm", id: alarmId, label: alarm.message },
      before: { acknowledgedAt: null },
      after: { acknowledgedAt: updated.acknowledgedAt, by: actor.label },
    });
    await publishEvent({ type: "alarm.changed", companyId: alarm.companyId, alarmId, change: "updated" }, tx);
    return updated;
  });
}
