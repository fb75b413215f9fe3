import "server-only";
import type { Actor } from "../authz/actor";
import { authorize } from "../authz/authorize";
import type { Action } from "../authz/permissions";
import { db } from "../db/client";
import { notFound } from "../errors";
import { isId } from "../ids";

/** A system the actor may act on, with its company; another tenant's system is not found. */
export async function getSystem({
  actor,
  systemId,
  action = "system.read",
}: {
  actor: Actor;
  systemId: string;
  action?: Action;
}) {
  if (!isId(systemId)) throw notFound("System");
  const system = await db.system.findUnique({
    where: { id: systemId },
    include: { company: { select: { id: true, domain: true, enterprise: true } } },
  });
  if (!system) throw notFound("System");
  await authorize(actor, action, { companyId: system.companyId, systemId: system.id, what: "System" });
  return system;
}
