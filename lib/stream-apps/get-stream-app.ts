import "server-only";
import type { Actor } from "../authz/actor";
import { roleAllows } from "../authz/permissions";
import { db } from "../db/client";
import { parseQuery } from "../filter-language";
import { companyName } from "../names";
import { streamAppGroup } from "../topology/principals";
import { systemTopics } from "../topology/system-topics";
import { findAppFor } from "./app-access";
import { blockedReason } from "./app-blockers";
import { sumMetrics } from "./app-metrics";
import { appStatus } from "./app-status";
import { joinSpecSchema } from "./join-spec";
import { readableSystems } from "./readable-systems";
import type { JoinStateReport } from "./runner/runner-store";
import { type ReadableSystem, selectSources } from "./source-plan";

/**
 * One app with everything its page shows: definition, state (from what the workers report), metrics summed over its
 * partitions, sources (and the grants it reads them under), versions, and its Kafka provisioning. Every member of
 * the company sees it; `canManage` says whether the actor may change it.
 */
export async function getStreamApp({ actor, appId }: { actor: Actor; appId: string }) {
  const { app, role } = await findAppFor(actor, appId, "system.read");
  const [runners, partitions, versions, provisioning, readable, company] = await Promise.all([
    db.streamAppRunner.findMany({ where: { appId: app.id }, orderBy: { workerId: "asc" } }),
    db.streamAppPartition.findMany({ where: { appId: app.id } }),
    db.streamAppVersion.findMany({ where: { appId: app.id }, orderBy: { version: "desc" }, take: 50 }),
    db.provisioningState.findMany({
      where: { streamAppId: app.id },
      select: { resourceType: true, resourceKey: true, status: true, lastError: true, lastReconciledAt: true },
    }),
    readableSystems(app.companyId, app.targetSystemId),
    db.company.findUniqueOrThrow({ where: { id: app.companyId }, select: { domain: true, enterprise: true } }),
  ]);
  const blocked = app.desiredState === "running" ? await blockedReason(app, readable) : null;
  // The systems it reads now (own, or under grants in force), not as they were when it was saved.
  let reading: ReadableSystem[] = [];
  try {
    reading = selectSources(parseQuery(app.query), readable).sources;
  } catch {
    reading = [];
  }
  const currentTopics = new Set(reading.map((s) => systemTopics(s.name).int));
  const metrics = sumMetrics(partitions, currentTopics);
  const status = appStatus({
    desiredState: app.desiredState,
    blocked,
    runners,
    lag: metrics.lag === null ? null : BigInt(metrics.lag),
    deployedAt: app.deployedAt,
  });
  return {
    id: app.id,
    companyId: app.companyId,
    name: app.name,
    description: app.description,
    kind: app.kind,
    targetSystemId: app.targetSystemId,
    targetSystemName: app.targetSystemName,
    version: app.version,
    query: app.query,
    spec: app.kind === "join" ? (joinSpecSchema.safeParse(app.spec).data ?? null) : null,
    outputDatastreamId: app.outputDatastreamId,
    desiredState: app.desiredState,
    principal: app.principal,
    consumerGroup: streamAppGroup(app.principal, app.id),
    createdAt: app.createdAt,
    updatedAt: app.updatedAt,
    deployedAt: app.deployedAt,
    stoppedAt: app.stoppedAt,
    status,
    metrics,
    runners: runners.map((r) => ({
      workerId: r.workerId,
      state: r.state,
      reason: r.reason,
      version: r.version,
      partitions: Array.isArray(r.partitions) ? (r.partitions as string[]) : [],
      joinState: (r.joinState as JoinStateReport | null) ?? null,
      heartbeatAt: r.heartbeatAt,
    })),
    sources: reading.map((s) => {
      const g = s.grants[0];
      return {
        systemId: s.id,
        systemName: s.name,
        company: s.own ? companyName(company) : (g?.sourceCompany ?? ""),
        own: s.own,
        grant: g ? { id: g.id, datastreams: g.datastreams, filter: g.filter, endsAt: g.endsAt } : null,
      };
    }),
    versions: versions.map((v) => ({
      version: v.version,
      query: v.query,
      createdBy: v.createdBy,
      createdAt: v.createdAt,
    })),
    provisioning,
    canManage: role !== "client" && (role === "system" || roleAllows(role, "stream-app.manage")),
  };
}
export type StreamAppDetail = Awaited<ReturnType<typeof getStreamApp>>;
