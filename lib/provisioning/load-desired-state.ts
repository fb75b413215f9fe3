import "server-only";
import { db } from "../db/client";
import { env } from "../env";
import { compareAcls } from "../kafka/acl-binding";
import { streamAppStateTopic } from "../topology/principals";
import { type SystemTopicKind, systemTopics } from "../topology/system-topics";
import { clientAcls, joinStateTopicSettings, rollupAclKey, rollupAcls, streamAppAcls, topicSettings } from "./layout";
import { streamAppSources } from "./stream-app-sources";
import type { DesiredResource } from "./types";

export interface DesiredState {
  resources: DesiredResource[];
  /** Sealed SCRAM material of clients whose current secret is not on the cluster yet, by client id. */
  materials: Map<string, { secretVersion: number; sealed: Uint8Array }>;
}

/** What PostgreSQL wants the cluster to hold, for every company or the given ones. */
export async function loadDesiredState(companyIds?: string[]): Promise<DesiredState> {
  const where = companyIds ? { companyId: { in: companyIds } } : {};
  const systems = await db.system.findMany({
    where,
    select: {
      id: true,
      name: true,
      companyId: true,
      partitions: true,
      retentionDays: true,
      clients: {
        select: {
          id: true,
          principal: true,
          status: true,
          secretVersion: true,
          provisionedSecretVersion: true,
          // Selected by name, which overrides the client's global omit of this secret column.
          pendingCredential: true,
        },
      },
    },
    orderBy: { name: "asc" },
  });
  const resources: DesiredResource[] = [];
  const materials = new Map<string, { secretVersion: number; sealed: Uint8Array }>();
  for (const system of systems) {
    for (const [kind, key] of Object.entries(systemTopics(system.name)) as [SystemTopicKind, string][]) {
      resources.push({
        type: "topic",
        key,
        companyId: system.companyId,
        systemId: system.id,
        clientId: null,
        desired: topicSettings(system, env.KAFKA_REPLICATION_FACTOR, kind),
      });
    }
    for (const client of system.clients) {
      const ref = { key: client.principal, companyId: system.companyId, systemId: system.id, clientId: client.id };
      const active = client.status === "active";
      const pendingMaterial = active && client.pendingCredential !== null;
      if (pendingMaterial && client.pendingCredential) {
        materials.set(client.id, { secretVersion: client.secretVersion, sealed: client.pendingCredential });
      }
      resources.push({
        ...ref,
        type: "credential",
        desired: active ? { present: true, secretVersion: client.secretVersion } : { present: false },
        pendingMaterial,
        provisionedSecretVersion: client.provisionedSecretVersion,
      });
      resources.push({
        ...ref,
        type: "acls",
        desired: { bindings: active ? clientAcls(system.name, client.principal).sort(compareAcls) : [] },
      });
    }
  }
  for (const app of await streamAppSources(companyIds)) {
    const ref = {
      key: app.principal,
      companyId: app.companyId,
      systemId: app.targetSystemId,
      clientId: null,
      streamAppId: app.id,
    };
    resources.push({
      ...ref,
      type: "credential",
      desired: { present: true, derived: true, credentialVersion: app.credentialVersion },
      pendingMaterial: false,
      provisionedSecretVersion: null,
    });
    // Only a deployed app that can run holds ACLs: its source topics are those it may read now (own systems, and
    // systems under grants in force), so a revoked or ended grant takes its READ away at the next pass.
    resources.push({
      ...ref,
      type: "acls",
      desired: {
        bindings: app.running
          ? streamAppAcls({
              principal: app.principal,
              group: app.group,
              sourceSystems: app.sourceSystems,
              targetSystem: app.targetSystemName,
              join: app.join,
            }).sort(compareAcls)
          : [],
      },
    });
    // A join's state topic lives as long as the app (stopped and deployed again, it continues from its state).
    if (app.join) {
      resources.push({
        ...ref,
        systemId: null,
        type: "topic",
        key: streamAppStateTopic(app.principal),
        desired: joinStateTopicSettings(env.KAFKA_REPLICATION_FACTOR),
      });
    }
  }
  // The rollup job reads every system's data: per company, one resource with its READ bindings on the company's topics.
  const byCompany = new Map<string, string[]>();
  for (const system of systems)
    byCompany.set(system.companyId, [...(byCompany.get(system.companyId) ?? []), system.name]);
  for (const [companyId, names] of byCompany) {
    const companyName = (names[0] as string).split(".").slice(0, 2).join(".");
    resources.push({
      type: "acls",
      key: rollupAclKey(companyName),
      companyId,
      systemId: null,
      clientId: null,
      desired: { bindings: rollupAcls(names).sort(compareAcls) },
    });
  }
  return { resources, materials };
}
