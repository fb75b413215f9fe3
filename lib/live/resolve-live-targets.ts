import "server-only";
import type { Actor } from "../authz/actor";
import { authorize } from "../authz/authorize";
import { roleAllows } from "../authz/permissions";
import { getDatastream } from "../datastreams/get-datastream";
import { db } from "../db/client";
import { invalid, notFound } from "../errors";
import { compilePattern } from "../sdk/subscription-pattern";
import { getSystem } from "../systems/get-system";
import type { LiveStreamInfo, LiveTarget } from "./live-protocol";

/** At most this many streams from one pattern: a live view, not an export. */
export const MAX_PATTERN_STREAMS = 200;

type DatastreamRow = {
  id: string;
  fullName: string;
  name: string;
  observationType: LiveStreamInfo["observationType"];
  unitName: string;
  unitSymbol: string;
  systemId: string;
  system: { companyId: string };
};

function datastreamStream(d: DatastreamRow): LiveStreamInfo {
  return {
    key: `ds:${d.id}`,
    companyId: d.system.companyId,
    systemId: d.systemId,
    name: d.fullName,
    // The station as well: a dashboard often shows the same datastream of several systems side by side.
    label: `${d.fullName.split(".")[3] ?? ""} · ${d.name}`,
    observationType: d.observationType,
    unit: { name: d.unitName, symbol: d.unitSymbol },
  };
}

/** The streams a pattern selects among the datastreams of every company where the actor may read data. */
async function patternStreams(actor: Actor, pattern: string): Promise<LiveStreamInfo[]> {
  let matches: (name: string) => boolean;
  try {
    matches = compilePattern(pattern);
  } catch (error) {
    throw invalid((error as Error).message, { pattern: [(error as Error).message] });
  }
  if (actor.type !== "user" && actor.type !== "token") throw notFound("Datastream");
  const memberships = await db.membership.findMany({
    where: { userId: actor.userId },
    select: { companyId: true, role: true },
  });
  const companyIds = memberships.filter((m) => roleAllows(m.role, "data.read")).map((m) => m.companyId);
  // The levels before the first '*' narrow the query; the matcher decides.
  const fixed = pattern.split(".").indexOf("*");
  const prefix = fixed < 0 ? pattern : pattern.split(".").slice(0, fixed).join(".");
  const rows = await db.datastream.findMany({
    where: { system: { companyId: { in: companyIds } }, ...(prefix ? { fullName: { startsWith: prefix } } : {}) },
    select: {
      id: true,
      fullName: true,
      name: true,
      observationType: true,
      unitName: true,
      unitSymbol: true,
      systemId: true,
      system: { select: { companyId: true } },
    },
    orderBy: { fullName: "asc" },
    take: 20_000,
  });
  const selected = rows.filter((r) => matches(r.fullName));
  if (selected.length > MAX_PATTERN_STREAMS) {
    throw invalid(
      `"${pattern}" selects ${selected.length} datastreams; a live view follows at most ${MAX_PATTERN_STREAMS}: narrow it`,
      { pattern: [`at most ${MAX_PATTERN_STREAMS} datastreams`] },
    );
  }
  return selected.map(datastreamStream);
}

/**
 * The streams a live subscription means, each authorized for `data.read` on its exact object: a datastream (another
 * company's, or none, is "not found" alike), a pattern (only the datastreams the actor may read, possibly none), or
 * what arrives in a system's `.ext`.
 */
export async function resolveLiveTargets({
  actor,
  target,
}: {
  actor: Actor;
  target: LiveTarget;
}): Promise<LiveStreamInfo[]> {
  if ("datastreamId" in target) {
    const d = await getDatastream({ actor, datastreamId: target.datastreamId, action: "data.read" });
    return [datastreamStream(d)];
  }
  if ("incomingOf" in target) {
    const system = await getSystem({ actor, systemId: target.incomingOf, action: "data.read" });
    return [
      {
        key: `ext:${system.id}`,
        companyId: system.companyId,
        systemId: system.id,
        name: system.name,
        label: `Incoming to ${system.station}`,
      },
    ];
  }
  return patternStreams(actor, target.pattern);
}

/** Whether the actor may still read the stream (after a change of rights): the same checks, no exception. */
export async function stillAllowed(actor: Actor, stream: LiveStreamInfo): Promise<boolean> {
  try {
    await authorize(actor, "data.read", { companyId: stream.companyId, systemId: stream.systemId, what: "Stream" });
    if (stream.key.startsWith("ds:")) {
      const exists = await db.datastream.findUnique({ where: { id: stream.key.slice(3) }, select: { systemId: true } });
      return exists?.systemId === stream.systemId;
    }
    return (await db.system.count({ where: { id: stream.systemId } })) === 1;
  } catch {
    return false;
  }
}
