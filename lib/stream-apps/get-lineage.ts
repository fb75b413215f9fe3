import "server-only";
import type { Actor } from "../authz/actor";
import { authorize } from "../authz/authorize";
import { db } from "../db/client";
import { notFound } from "../errors";
import { isId } from "../ids";
import { companyName } from "../names";

const appSelect = {
  id: true,
  name: true,
  companyId: true,
  desiredState: true,
  targetSystemId: true,
  targetSystemName: true,
  company: { select: { domain: true, enterprise: true } },
  sources: {
    select: { system: { select: { id: true, name: true, company: { select: { domain: true, enterprise: true } } } } },
  },
} as const;

/**
 * Where a system's data goes and where what arrives in it comes from: the apps writing into its `.ext` (with their
 * sources) and the apps reading it (with their companies and targets, own or under a grant). Only another company's
 * app's id is left out: its page is not the viewer's to open.
 */
export async function getSystemLineage({ actor, systemId }: { actor: Actor; systemId: string }) {
  if (!isId(systemId)) throw notFound("System");
  const system = await db.system.findUnique({
    where: { id: systemId },
    select: { id: true, name: true, companyId: true },
  });
  if (!system) throw notFound("System");
  await authorize(actor, "system.read", { companyId: system.companyId, systemId: system.id, what: "System" });
  const [incoming, outgoing] = await Promise.all([
    db.streamApp.findMany({ where: { targetSystemId: system.id }, select: appSelect, orderBy: { name: "asc" } }),
    db.streamApp.findMany({
      where: { sources: { some: { systemId: system.id } } },
      select: appSelect,
      orderBy: { name: "asc" },
    }),
  ]);
  const own = (a: { companyId: string }) => a.companyId === system.companyId;
  return {
    system: { id: system.id, name: system.name },
    incoming: incoming.map((a) => ({
      app: { id: a.id, name: a.name, running: a.desiredState === "running" },
      sources: a.sources.map((s) => ({
        systemId: s.system.id,
        name: s.system.name,
        company: companyName(s.system.company),
      })),
    })),
    outgoing: outgoing.map((a) => ({
      app: { id: own(a) ? a.id : null, name: a.name, running: a.desiredState === "running" },
      company: companyName(a.company),
      targetSystem: { id: own(a) ? a.targetSystemId : null, name: a.targetSystemName },
    })),
  };
}
export type SystemLineage = Awaited<ReturnType<typeof getSystemLineage>>;

/**
 * A datastream's lineage: the apps whose query can select it (and for which companies and targets), and, for a
 * join's declared output, the app and sources that feed it.
 */
export async function getDatastreamLineage({ actor, datastreamId }: { actor: Actor; datastreamId: string }) {
  if (!isId(datastreamId)) throw notFound("Datastream");
  const ds = await db.datastream.findUnique({
    where: { id: datastreamId },
    select: { id: true, fullName: true, system: { select: { id: true, companyId: true } } },
  });
  if (!ds) throw notFound("Datastream");
  await authorize(actor, "system.read", { companyId: ds.system.companyId, systemId: ds.system.id, what: "Datastream" });
  const [readers, feeders] = await Promise.all([
    db.streamApp.findMany({
      where: { streams: { some: { datastreamId: ds.id } } },
      select: appSelect,
      orderBy: { name: "asc" },
    }),
    db.streamApp.findMany({ where: { outputDatastreamId: ds.id }, select: appSelect, orderBy: { name: "asc" } }),
  ]);
  const own = (a: { companyId: string }) => a.companyId === ds.system.companyId;
  return {
    readBy: readers.map((a) => ({
      app: { id: own(a) ? a.id : null, name: a.name, running: a.desiredState === "running" },
      company: companyName(a.company),
      targetSystem: a.targetSystemName,
    })),
    fedBy: feeders.map((a) => ({
      app: { id: a.id, name: a.name, running: a.desiredState === "running" },
      sources: a.sources.map((s) => s.system.name),
    })),
  };
}
