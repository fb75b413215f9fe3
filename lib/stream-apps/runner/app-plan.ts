import "server-only";
import { db } from "../../db/client";
import { parseQuery, type Query } from "../../filter-language";
import { streamAppGroup } from "../../topology/principals";
import { systemTopics } from "../../topology/system-topics";
import { blockedReason } from "../app-blockers";
import { readableSystems } from "../readable-systems";
import { earliestGrantEnd, type ReadableSystem, selectSources } from "../source-plan";

/** Everything a worker needs to run one deployed app, as the database says now. */
export interface AppPlan {
  appId: string;
  companyId: string;
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
    const blocked = await blockedReason(app, systems);
    const base = {
      appId: app.id,
      companyId: app.companyId,
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
    });
    plans.push({ ...base, signature });
  }
  return plans;
}
