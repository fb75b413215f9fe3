import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { conflict, forbidden } from "../errors";
import { companyName } from "../names";
import { parseInput } from "../validation";
import { type CreateCompanyInput, createCompanySchema } from "./schemas";

/** Any signed-in user may register a company and becomes its first admin. */
export async function createCompany({ actor, input }: { actor: Actor; input: CreateCompanyInput }) {
  if (actor.type !== "user" && actor.type !== "token") throw forbidden("Only a user can register a company");
  const data = parseInput(createCompanySchema, input);
  return db.$transaction(async (tx) => {
    const taken = await tx.company.findUnique({
      where: { domain_enterprise: { domain: data.domain, enterprise: data.enterprise } },
      select: { id: true },
    });
    if (taken) {
      throw conflict(`The company name ${companyName(data)} is taken`, { enterprise: ["This name is taken"] });
    }
    const company = await tx.company.create({ data });
    await tx.membership.create({ data: { userId: actor.userId, companyId: company.id, role: "admin" } });
    await recordAuditEvent(tx, actor, {
      companyId: company.id,
      action: "company.create",
      target: { type: "company", id: company.id, label: companyName(company) },
      after: company,
    });
    return company;
  });
}
