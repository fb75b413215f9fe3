import "server-only";
import type { Actor } from "../authz/actor";
import { type DatastreamCatalogItem, listDatastreamCatalog } from "../datastreams/list-datastream-catalog";
import { forbidden } from "../errors";
import { applyImport } from "./apply-import";
import type { MetadataSource } from "./parse-metadata";

export interface RegisterInstancesResult {
  /** Entities (things, sensors, observed properties, datastreams) created, updated, left unchanged. */
  created: number;
  updated: number;
  unchanged: number;
  /** The document's datastreams as they are now, in the document's order. */
  datastreams: DatastreamCatalogItem[];
  /** Reference format: each Datastreams key → the datastream's full name (empty for Rhei's format). */
  datastreamKeys: Record<string, string>;
}

/**
 * A client application registers its things, sensors and datastreams (the reference platform's instances.json, or
 * Rhei's format) into its own system: an import by the client, idempotent, audited as the client.
 */
export async function registerInstances({
  actor,
  source,
}: {
  actor: Actor;
  source: MetadataSource;
}): Promise<RegisterInstancesResult> {
  if (actor.type !== "client") {
    throw forbidden("Only a client application registers into its own system: call with its credentials");
  }
  const plan = await applyImport({ actor, systemId: actor.systemId, source });
  const counts = Object.values(plan.summary);
  const total = (action: "create" | "update" | "unchanged") => counts.reduce((n, c) => n + c[action], 0);
  const fullNames = plan.items.filter((i) => i.kind === "datastream").map((i) => `${plan.systemName}.${i.name}`);
  const byName = new Map(
    (await listDatastreamCatalog({ actor, systemId: actor.systemId, fullNames })).map((d) => [d.fullName, d]),
  );
  return {
    created: total("create"),
    updated: total("update"),
    unchanged: total("unchanged"),
    datastreams: fullNames.flatMap((n) => byName.get(n) ?? []),
    datastreamKeys: plan.datastreamKeys ?? {},
  };
}
