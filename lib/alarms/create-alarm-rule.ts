import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, actorUserId } from "../authz/actor";
import { authorize } from "../authz/authorize";
import { getDatastream } from "../datastreams/get-datastream";
import { db } from "../db/client";
import { invalid } from "../errors";
import { publishEvent } from "../events/publish-event";
import { parseInput } from "../validation";
import { type CreateAlarmRuleInput, createAlarmRuleSchema } from "./schemas";

const numericTypes = new Set(["Measurement", "Count"]);

/** A new alarm rule on a datastream (admins and engineers); checked against the datastream's type. */
export async function createAlarmRule({
  actor,
  datastreamId,
  input,
}: {
  actor: Actor;
  datastreamId: string;
  input: CreateAlarmRuleInput;
}) {
  const d = await getDatastream({ actor, datastreamId, action: "data.read" });
  await authorize(actor, "alarm.manage", { companyId: d.system.companyId, systemId: d.systemId, what: "Datastream" });
  const data = parseInput(createAlarmRuleSchema, input);
  if (["above", "below", "outside"].includes(data.kind) && !numericTypes.has(d.observationType)) {
    throw invalid(`A ${data.kind} rule needs a Measurement or Count datastream; ${d.name} is ${d.observationType}`, {
      kind: ["Needs a numeric datastream"],
    });
  }
  return db.$transaction(async (tx) => {
    const rule = await tx.alarmRule.create({
      data: { ...data, companyId: d.system.companyId, datastreamId, createdById: actorUserId(actor) ?? null },
    });
    await recordAuditEvent(tx, actor, {
      companyId: d.system.companyId,
      action: "alarm-rule.create",
      target: { type: "alarm-rule", id: rule.id, label: `${d.fullName}: ${rule.name}` },
      after: data,
    });
    await publishEvent(
      { type: "alarm-rule.changed", companyId: d.system.companyId, datastreamId, ruleId: rule.id, change: "created" },
      tx,
    );
    return rule;
  });
}
