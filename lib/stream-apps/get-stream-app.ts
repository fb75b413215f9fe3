import "server-only";
import type { Actor } from "../authz/actor";
import { roleAllows } from "../authz/permissions";
import { db } from "../db/client";
import { companyName } from "../names";
import { streamAppGroup } from "../topology/principals";
import { systemTopics } from "../topology/system-topics";
import { findAppFor } from "./app-access";
import { blockedReason } from "./app-blockers";
import { sumMetrics } from "./app-metrics";
import { appStatus } from "./app-status";
import { readableSystems } from "./readable-systems";

/**
 * One app with everything its page shows: definition, state (from what the workers report), metrics summed over its
 * partitions, sources (and the grants it reads them under), versions, and its Kafka provisioning. Every member of
 * the company sees it; `canManage` says whether the actor may change it.
 */
export async function getStreamApp({ actor, appId }: { actor: Actor; appId: string }) {
  const { app, role } = await findAppFor(actor, appId, "system.read");
  const [runners, partitions, sources, versions, provisioning, readable] = await Promise.all([
    db.streamAppRunner.findMany({ where: { appId: app.id }, orderBy: { workerId: "asc" } }),
    db.streamAppPartition.findMany({ where: { appId: app.id } }),
    db.streamAppSource.findMany({
      where: { appId: app.id },
      include: {
        system: {
          select: { id: true, name: true, companyId: true, company: { select: { domain: true, enterprise: true } } },
        },
        grant: { select: { id: true, datastreams: true, filter: true, endsAt: true } },
      },
    }),
    db.streamAppVersion.findMany({ where: { appId: app.id }, orderBy: { version: "desc" }, take: 50 }),
    db.provisioningState.findMany({
      where: { streamAppId: app.id },
      select: { resourceType: true, resourceKey: true, status: true, lastError: true, lastReconciledAt: true },
    }),
    readableSystems(app.companyId, app.targetSystemId),
  ]);
  const blocked = app.desiredState === "running" ? await blockedReason(app, readable) : null;
  const currentTopics = new Set(sources.map((s) => systemTopics(s.system.name).int));
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
      heartbeatAt: r.heartbeatAt,
    })),
    sources: sources
      .map((s) => ({
        systemId: s.system.id,
        systemName: s.system.name,
        company: companyName(s.system.company),
        own: s.system.companyId === app.companyId,
        grant: s.grant,
      }))
      .sort((a, b) => a.systemName.localeCompare(b.systemName)),
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
