import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../authz/actor";
import { authorize } from "../authz/authorize";
import { db } from "../db/client";
import { notFound } from "../errors";
import { publishEvent } from "../events/publish-event";
import { isId } from "../ids";

/** Deletes an alarm rule and its alarms (admins and engineers). */
export async function deleteAlarmRule({ actor, ruleId }: { actor: Actor; ruleId: string }) {
  if (!isId(ruleId)) throw notFound("Alarm rule");
  const rule = await db.alarmRule.findUnique({
    where: { id: ruleId },
    include: { datastream: { select: { fullName: true, systemId: true } } },
  });
  if (!rule) throw notFound("Alarm rule");
  await authorize(actor, "alarm.manage", {
    companyId: rule.companyId,
    systemId: rule.datastream.systemId,
    what: "Alarm rule",
  });
  await db.$transaction(async (tx) => {
    await tx.alarmRule.delete({ where: { id: ruleId } });
    await recordAuditEvent(tx, actor, {
      companyId: rule.companyId,
      action: "alarm-rule.delete",
      target: { type: "alarm-rule", id: ruleId, label: `${rule.datastream.fullName}: ${rule.name}` },
      before: { name: rule.name, kind: rule.kind },
    });
    await publishEvent(
      {
        type: "alarm-rule.changed",
        companyId: rule.companyId,
        datastreamId: rule.datastreamId,
        ruleId,
        change: "deleted",
      },
      tx,
    );
  });
  return { name: rule.name };
}
