import "server-only";
import type { Actor } from "../authz/actor";
import { authorize } from "../authz/authorize";
import type { Action } from "../authz/permissions";
import { db } from "../db/client";
import { notFound } from "../errors";

/** The company with the actor's role in it; a company the actor is not in is not found. */
export async function getCompany({
  actor,
  companyId,
  action = "company.read",
}: {
  actor: Actor;
  companyId: string;
  action?: Action;
}) {
  const { role } = await authorize(actor, action, { companyId, what: "Company" });
  const company = await db.company.findUnique({
    where: { id: companyId },
    include: { _count: { select: { systems: true, memberships: true } } },
  });
  if (!company) throw notFound("Company");
  return { ...company, role };
}
