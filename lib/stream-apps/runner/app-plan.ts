import "server-only";
import { db } from "../../db/client";
import { parseQuery, type Query } from "../../filter-language";
import { streamAppGroup, streamAppStateTopic } from "../../topology/principals";
import { systemTopics } from "../../topology/system-topics";
import { blockedReason } from "../app-blockers";
import { type JoinSpec, joinSpecSchema } from "../join-spec";
import { readableSystems } from "../readable-systems";
import { earliestGrantEnd, type ReadableSystem, selectSources } from "../source-plan";

/** One input of a join as the worker runs it: its alias, its parsed query and the systems it reads. */
export interface JoinInputPlan {
  name: string;
  query: Query;
  sources: ReadableSystem[];
}

/** What a join app runs besides a filter app's plan. */
export interface JoinPlan {
  spec: JoinSpec;
  inputs: JoinInputPlan[];
  /** The output datastream's full name (`<target>.<thing>.<datastream>`). */
  outputName: string;
  stateTopic: string;
}

/** Everything a worker needs to run one deployed app, as the database says now. */
export interface AppPlan {
  appId: string;
  companyId: string;
  kind: "filter" | "join";
  name: string;
  principal: string;
  group: string;
  credentialVersion: number;
  version: number;
  queryText: string;
  query: Query | null;
  targetSystemName: string;
  targetTopic: string;
  /** The systems it reads (own, or under grants in force), with the grants' terms. */
  sources: ReadableSystem[];
  /** A join's inputs and output (kind join), or null. */
  join: JoinPlan | null;
  /** Why it cannot run now (then it holds no Kafka resources), or null. */
  blocked: string | null;
  /** When a grant it reads under ends (the worker looks again then). */
  validUntil: Date | null;
  /** Changes whenever anything above does: a runner whose plan's signature changed starts over with the new plan. */
  signature: string;
}

/** The deployed apps (of the given companies, or all) with their plans. */
export async function loadAppPlans(companyIds?: readonly string[]): Promise<AppPlan[]> {
  const apps = await db.streamApp.findMany({
    where: { desiredState: "running", ...(companyIds ? { companyId: { in: [...companyIds] } } : {}) },
    orderBy: { principal: "asc" },
  });
  const cache = new Map<string, Promise<ReadableSystem[]>>();
  const plans: AppPlan[] = [];
  for (const app of apps) {
    const key = `${app.companyId}/${app.targetSystemId}`;
    let readable = cache.get(key);
    if (!readable) {
      readable = readableSystems(app.companyId, app.targetSystemId);
      cache.set(key, readable);
    }
    const systems = await readable;
    let query: Query | null = null;
    let sources: ReadableSystem[] = [];
    try {
      query = parseQuery(app.query);
      sources = selectSources(query, systems).sources;
    } catch {
      query = null;
    }
    let blocked = await blockedReason(app, systems);
    let join: JoinPlan | null = null;
    if (app.kind === "join" && !blocked) {
      const planned = joinPlanOf(app, systems);
      if (typeof planned === "string") blocked = planned;
      else join = planned;
    }
    const base = {
      appId: app.id,
      companyId: app.companyId,
      kind: app.kind,
      join,
      name: app.name,
      principal: app.principal,
      group: streamAppGroup(app.principal, app.id),
      credentialVersion: app.credentialVersion,
      version: app.version,
      queryText: app.query,
      query,
      targetSystemName: app.targetSystemName,
      targetTopic: systemTopics(app.targetSystemName).ext,
      sources,
      blocked,
      validUntil: earliestGrantEnd(sources),
    };
    const signature = JSON.stringify({
      version: base.version,
      query: base.queryText,
      target: base.targetTopic,
      credentialVersion: base.credentialVersion,
      blocked: base.blocked,
      sources: sources.map((s) => ({ name: s.name, grants: s.grants.map((g) => [g.id, g.datastreams, g.filter]) })),
      spec: app.kind === "join" ? app.spec : null,
    });
    plans.push({ ...base, signature });
  }
  return plans;
}

/** A join app's inputs and output from its stored spec, or why it cannot run (a spec or an input that fails now). */
function joinPlanOf(
  app: { principal: string; targetSystemName: string; spec: unknown },
  systems: readonly ReadableSystem[],
): JoinPlan | string {
  const parsed = joinSpecSchema.safeParse(app.spec);
  if (!parsed.success) return `Its join definition is not valid: ${parsed.error.issues[0]?.message ?? "unknown"}`;
  const spec = parsed.data;
  const inputs: JoinInputPlan[] = [];
  for (const input of spec.inputs) {
    let query: Query;
    try {
      query = parseQuery(input.query);
    } catch (error) {
      return `Input ${input.name}: its query no longer parses: ${(error as Error).message}`;
    }
    const { sources, missing } = selectSources(query, systems);
    if (missing.length > 0) return `Input ${input.name}: it may not read ${missing.map((m) => m.pattern).join(", ")}`;
    if (sources.length === 0) return `Input ${input.name}: FROM matches none of the systems it may read`;
    inputs.push({ name: input.name, query, sources });
  }
  return {
    spec,
    inputs,
    outputName: `${app.targetSystemName}.${spec.output.thing}.${spec.output.datastream}`,
    stateTopic: streamAppStateTopic(app.principal),
  };
}
