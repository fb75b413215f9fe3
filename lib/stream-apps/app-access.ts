import "server-only";
import type { Actor } from "../authz/actor";
import { authorize } from "../authz/authorize";
import type { Action } from "../authz/permissions";
import { db } from "../db/client";
import { notFound } from "../errors";
import { isId } from "../ids";

/** The app, if the actor may do `action` in its company; another company's app is not found. */
export async function findAppFor(actor: Actor, appId: string, action: Action) {
  if (!isId(appId)) throw notFound("Stream app");
  const app = await db.streamApp.findUnique({ where: { id: appId } });
  if (!app) throw notFound("Stream app");
  const { role } = await authorize(actor, action, { companyId: app.companyId, what: "Stream app" });
  return { app, role };
}

/** The target system, which must be the company's own (another company's or a missing one is not found). */
export async function ownTargetSystem(companyId: string, targetSystemId: string) {
  const system = isId(targetSystemId)
    ? await db.system.findUnique({ where: { id: targetSystemId }, select: { id: true, name: true, companyId: true } })
    : null;
  if (!system || system.companyId !== companyId) throw notFound("Target system");
  return system;
}
