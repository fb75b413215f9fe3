import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../authz/actor";
import { authorize } from "../authz/authorize";
import { db } from "../db/client";
import { conflict, notFound } from "../errors";
import { publishEvent } from "../events/publish-event";
import { systemName } from "../names";
import { parseInput } from "../validation";
import { type CreateSystemInput, createSystemSchema } from "./schemas";

export async function createSystem({
  actor,
  companyId,
  input,
}: {
  actor: Actor;
  companyId: string;
  input: CreateSystemInput;
}) {
  await authorize(actor, "system.create", { companyId, what: "Company" });
  const data = parseInput(createSystemSchema, input);
  const system = await db.$transaction(async (tx) => {
    const company = await tx.company.findUnique({ where: { id: companyId } });
    if (!company) throw notFound("Company");
    const name = systemName(company, data.workcenter, data.station);
    if (await tx.system.findUnique({ where: { name }, select: { id: true } })) {
      throw conflict(`The system ${name} exists already`, {
        station: ["A system with this workcenter and station exists"],
      });
    }
    const created = await tx.system.create({ data: { ...data, companyId, name } });
    await recordAuditEvent(tx, actor, {
      companyId,
      action: "system.create",
      target: { type: "system", id: created.id, label: name },
      after: created,
    });
    await publishEvent({ type: "system.changed", companyId, systemId: created.id, change: "created" }, tx);
    return created;
  });
  return system;
}
