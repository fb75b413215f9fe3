import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { conflict } from "../errors";
import { publishEvent } from "../events/publish-event";
import { companyName } from "../names";
import { getCompany } from "./get-company";

/** Deletes a company and its memberships; refused while it owns systems. Its audit events stay. */
export async function deleteCompany({ actor, companyId }: { actor: Actor; companyId: string }) {
  const company = await getCompany({ actor, companyId, action: "company.delete" });
  const name = companyName(company);
  await db.$transaction(async (tx) => {
    const systems = await tx.system.count({ where: { companyId } });
    if (systems > 0)
      throw conflict(`${name} still owns ${systems} system${systems === 1 ? "" : "s"}: delete them first`);
    await tx.company.delete({ where: { id: companyId } });
    await recordAuditEvent(tx, actor, {
      companyId,
      action: "company.delete",
      target: { type: "company", id: companyId, label: name },
      before: { domain: company.domain, enterprise: company.enterprise, description: company.description },
    });
    await publishEvent({ type: "company.changed", companyId, change: "deleted" }, tx);
  });
  return { name };
}
