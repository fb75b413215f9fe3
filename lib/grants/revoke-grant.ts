import "server-only";
import { recordAuditEvents } from "../audit/record-audit-event";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { conflict } from "../errors";
import { publishEvent } from "../events/publish-event";
import { findGrant, grantSide } from "./grant-side";
import { grantState } from "./grant-state";
import { grantInclude, grantLabel, grantView } from "./grant-view";

/**
 * Either side ends a grant at any time (the source: admins and engineers; the receiver: admins). Every stream app
 * reading under it stops within seconds (the workers hear it through the event bus; the reconciler removes the
 * apps' READ ACLs), and each app's log says why. On both companies' audit logs.
 */
export async function revokeGrant({ actor, grantId }: { actor: Actor; grantId: string }) {
  const grant = await findGrant(grantId);
  const side = await grantSide(actor, grant, { source: "grant.manage", target: "grant.accept" });
  const state = grantState(grant);
  if (state === "revoked" || state === "declined") throw conflict(`This grant is ${state} already`);
  const apps = await db.streamApp.findMany({
    where: { companyId: grant.targetCompanyId, sources: { some: { systemId: grant.sourceSystemId } } },
    select: { id: true, name: true },
  });
  return db.$transaction(async (tx) => {
    const { count } = await tx.grant.updateMany({
      where: { id: grant.id, status: { in: ["offered", "accepted"] } },
      data: {
        status: "revoked",
        revokedBy: actor.label,
        revokedAt: new Date(),
        revokedByCompanyId: side === "source" ? grant.sourceCompanyId : grant.targetCompanyId,
      },
    });
    if (count === 0) throw conflict("This grant was revoked or declined meanwhile");
    const updated = await tx.grant.findUniqueOrThrow({ where: { id: grant.id }, include: grantInclude });
    const entry = {
      action: "grant.revoke",
      target: { type: "grant", id: grant.id, label: grantLabel(updated) },
      before: { state },
      after: { state: "revoked", by: side === "source" ? "the source company" : "the receiving company" },
    };
    await recordAuditEvents(tx, actor, [
      { companyId: grant.sourceCompanyId, ...entry },
      { companyId: grant.targetCompanyId, ...entry },
    ]);
    const who = side === "source" ? `the source company (${actor.label})` : `your company (${actor.label})`;
    // Each app's log says why it stops reading (written here, not through lib/stream-apps, which builds on grants).
    await tx.streamAppLogEntry.createMany({
      data: apps.map((a) => ({
        appId: a.id,
        level: "warn",
        message: `The grant ${grantLabel(updated)} was revoked by ${who}: records of ${grant.sourceSystem.name} are no longer read under it`,
      })),
    });
    await publishEvent(
      {
        type: "grant.changed",
        companyId: grant.sourceCompanyId,
        targetCompanyId: grant.targetCompanyId,
        grantId: grant.id,
        change: "updated",
      },
      tx,
    );
    for (const a of apps) {
      await publishEvent(
        { type: "stream-app.changed", companyId: grant.targetCompanyId, appId: a.id, change: "updated" },
        tx,
      );
    }
    return grantView(updated);
  });
}
