import "server-only";
import type { Actor } from "../authz/actor";
import { authorize } from "../authz/authorize";
import { roleAllows } from "../authz/permissions";
import { db } from "../db/client";
import { companyName } from "../names";
import { findGrant, grantSide } from "./grant-side";
import { grantCovers } from "./grant-state";
import { grantView } from "./grant-view";

/**
 * A grant as either side sees it: its terms, the datastreams it covers now (with types and units: what the receiver
 * is offered), the stream apps reading under it (with their companies), and what the actor may do with it.
 */
export async function getGrant({ actor, grantId }: { actor: Actor; grantId: string }) {
  const grant = await findGrant(grantId);
  const side = await grantSide(actor, grant, { source: "system.read", target: "system.read" });
  const companyId = side === "source" ? grant.sourceCompanyId : grant.targetCompanyId;
  const { role } = await authorize(actor, "system.read", { companyId, what: "Grant" });
  const covers = grantCovers(grant.sourceSystem.name, grant.datastreams);
  const [datastreams, apps] = await Promise.all([
    db.datastream.findMany({
      where: { systemId: grant.sourceSystemId },
      select: {
        fullName: true,
        name: true,
        observationType: true,
        unitName: true,
        unitSymbol: true,
        thing: { select: { name: true } },
      },
      orderBy: { fullName: "asc" },
      take: 5000,
    }),
    db.streamApp.findMany({
      where: { companyId: grant.targetCompanyId, sources: { some: { systemId: grant.sourceSystemId } } },
      select: {
        id: true,
        name: true,
        desiredState: true,
        targetSystem: { select: { name: true } },
        company: { select: { domain: true, enterprise: true } },
      },
      orderBy: { name: "asc" },
    }),
  ]);
  const can = (action: Parameters<typeof roleAllows>[1]) =>
    role !== "client" && role !== "system" && roleAllows(role, action);
  const view = grantView(grant);
  return {
    ...view,
    side,
    covered: datastreams
      .filter((d) => covers(d.fullName))
      .map((d) => ({
        fullName: d.fullName,
        thing: d.thing.name,
        name: d.name,
        observationType: d.observationType,
        unit: { name: d.unitName, symbol: d.unitSymbol },
      })),
    apps: apps.map((a) => ({
      id: side === "target" ? a.id : null,
      name: a.name,
      company: companyName(a.company),
      targetSystem: a.targetSystem?.name ?? null,
      desiredState: a.desiredState,
    })),
    canAnswer: side === "target" && view.state === "offered" && can("grant.accept"),
    canRevoke:
      (view.state === "offered" || view.state === "accepted" || view.state === "expired") &&
      (side === "source" ? can("grant.manage") : can("grant.accept")),
  };
}
