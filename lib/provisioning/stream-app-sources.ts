import "server-only";
import { db } from "../db/client";
import { parseQuery } from "../filter-language";
import { readableSystems } from "../stream-apps/readable-systems";
import { type ReadableSystem, selectSources } from "../stream-apps/source-plan";
import { streamAppGroup } from "../topology/principals";

export interface StreamAppProvisioning {
  id: string;
  companyId: string;
  principal: string;
  group: string;
  credentialVersion: number;
  targetSystemId: string | null;
  targetSystemName: string;
  /** Deployed, with a target, and at least one source it may read now. */
  running: boolean;
  /** The systems it may read now (names). */
  sourceSystems: string[];
  /** A join (it owns a state topic). */
  join: boolean;
}

/** The stream apps of the companies (all when absent) with what their Kafka principal needs now. */
export async function streamAppSources(companyIds?: string[]): Promise<StreamAppProvisioning[]> {
  const apps = await db.streamApp.findMany({
    where: companyIds ? { companyId: { in: companyIds } } : {},
    orderBy: { principal: "asc" },
  });
  const readableCache = new Map<string, Promise<ReadableSystem[]>>();
  const readable = (companyId: string, targetId: string) => {
    const key = `${companyId}/${targetId}`;
    let found = readableCache.get(key);
    if (!found) {
      found = readableSystems(companyId, targetId);
      readableCache.set(key, found);
    }
    return found;
  };
  const out: StreamAppProvisioning[] = [];
  for (const app of apps) {
    let sourceSystems: string[] = [];
    if (app.desiredState === "running" && app.targetSystemId) {
      try {
        sourceSystems = selectSources(
          parseQuery(app.query),
          await readable(app.companyId, app.targetSystemId),
        ).sources.map((s) => s.name);
      } catch {
        sourceSystems = []; // a query that no longer parses reads nothing
      }
    }
    out.push({
      id: app.id,
      companyId: app.companyId,
      principal: app.principal,
      group: streamAppGroup(app.principal, app.id),
      credentialVersion: app.credentialVersion,
      targetSystemId: app.targetSystemId,
      targetSystemName: app.targetSystemName,
      running: app.desiredState === "running" && app.targetSystemId !== null && sourceSystems.length > 0,
      sourceSystems,
      join: app.kind === "join",
    });
  }
  return out;
}
