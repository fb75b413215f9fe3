import "server-only";
import type { Actor } from "../authz/actor";
import { authorize } from "../authz/authorize";
import { db } from "../db/client";
import { invalid, notFound } from "../errors";
import { isId } from "../ids";
import { compilePattern } from "../sdk/subscription-pattern";
import { systemTopics } from "../topology/system-topics";
import type { TraceDatastream } from "./trace-datastream";

/** Datastreams one history query reads at most. */
export const MAX_TRACE_DATASTREAMS = 50;

const select = {
  id: true,
  name: true,
  fullName: true,
  observationType: true,
  unitName: true,
  unitSymbol: true,
  systemId: true,
  system: { select: { name: true, companyId: true } },
} as const;

/** What a history query names: datastream ids, or a `*` pattern over full names (within the company). */
export type TraceSelection = { datastreamIds: readonly string[] } | { pattern: string };

/**
 * The company's datastreams a history query reads, each one the actor may read data of (`data.read` in the
 * company): an id that is malformed, unknown or another company's is "not found" alike; a pattern that selects
 * none, or more than `max`, is refused naming the pattern.
 */
export async function resolveTraceDatastreams({
  actor,
  companyId,
  selection,
  max = MAX_TRACE_DATASTREAMS,
}: {
  actor: Actor;
  companyId: string;
  selection: TraceSelection;
  max?: number;
}): Promise<TraceDatastream[]> {
  await authorize(actor, "data.read", { companyId, what: "Company" });
  if ("datastreamIds" in selection) {
    const ids = [...new Set(selection.datastreamIds)];
    if (ids.length === 0) throw invalid("Choose at least one datastream", { datastreams: ["choose at least one"] });
    if (ids.length > max) {
      throw invalid(`${ids.length} datastreams: at most ${max} at once`, { datastreams: [`at most ${max}`] });
    }
    if (!ids.every(isId)) throw notFound("Datastream");
    const rows = await db.datastream.findMany({ where: { id: { in: ids }, system: { companyId } }, select });
    if (rows.length !== ids.length) throw notFound("Datastream");
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => toTrace(byId.get(id) as (typeof rows)[number]));
  }
  let matches: (name: string) => boolean;
  try {
    matches = compilePattern(selection.pattern);
  } catch (error) {
    throw invalid((error as Error).message, { pattern: [(error as Error).message] });
  }
  const levels = selection.pattern.split(".");
  const star = levels.indexOf("*");
  const prefix = (star < 0 ? levels : levels.slice(0, star)).join(".");
  const rows = await db.datastream.findMany({
    where: { system: { companyId }, ...(prefix ? { fullName: { startsWith: prefix } } : {}) },
    select,
    orderBy: { fullName: "asc" },
    take: 20_000,
  });
  const selected = rows.filter((r) => matches(r.fullName));
  if (selected.length === 0) {
    throw invalid(`"${selection.pattern}" selects none of this company's datastreams`, {
      pattern: ["selects no datastream"],
    });
  }
  if (selected.length > max) {
    throw invalid(`"${selection.pattern}" selects ${selected.length} datastreams; at most ${max} at once: narrow it`, {
      pattern: [`at most ${max} datastreams`],
    });
  }
  return selected.map(toTrace);
}

function toTrace(r: {
  id: string;
  name: string;
  fullName: string;
  observationType: TraceDatastream["observationType"];
  unitName: string;
  unitSymbol: string;
  systemId: string;
  system: { name: string };
}): TraceDatastream {
  return {
    id: r.id,
    name: r.name,
    fullName: r.fullName,
    systemId: r.systemId,
    systemName: r.system.name,
    topic: systemTopics(r.system.name).int,
    observationType: r.observationType,
    unit: { name: r.unitName, symbol: r.unitSymbol },
  };
}
