import "server-only";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { getMetadataSystem } from "../metadata-system";
import { parseInput } from "../validation";
import { diffMetadata, type ImportPlan } from "./diff-metadata";
import type { ImportFormat } from "./document";
import { loadSystemMetadata } from "./load-system-metadata";
import { type MetadataSource, parseMetadata } from "./parse-metadata";
import { importFormatSchema } from "./schemas";

/**
 * The dry run of an import: for each entity in the file, create, update (with the changed fields) or unchanged,
 * plus warnings and errors naming the path, entity and field. Changes nothing. A file with errors still gets a
 * plan, so the user sees every problem at once; applyImport refuses it.
 */
export async function planImport({
  actor,
  systemId,
  source,
  format,
}: {
  actor: Actor;
  systemId: string;
  source: MetadataSource;
  format?: ImportFormat;
}): Promise<ImportPlan> {
  const system = await getMetadataSystem({ actor, systemId, action: "metadata.write" });
  const parsed = parseMetadata(source, parseInput(importFormatSchema, format));
  const existing = await loadSystemMetadata(db, system);
  return diffMetadata(parsed, existing, system.id).plan;
}
