import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { companyName } from "../names";
import { parseInput } from "../validation";
import { getCompany } from "./get-company";
import { type UpdateCompanyInput, updateCompanySchema } from "./schemas";

export async function updateCompany({
  actor,
  companyId,
  input,
}: {
  actor: Actor;
  companyId: string;
  input: UpdateCompanyInput;
}) {
  const before = await getCompany({ actor, companyId, action: "company.update" });
  const data = parseInput(updateCompanySchema, input);
  return db.$transaction(async (tx) => {
    const after = await tx.company.update({ where: { id: companyId }, data });
    await recordAuditEvent(tx, actor, {
      companyId,
      action: "company.update",
      target: { type: "company", id: companyId, label: companyName(before) },
      before: { description: before.description },
      after: { description: after.description },
    });
    return after;
  });
}
