import "server-only";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { getMetadataSystem } from "../metadata-system";
import { parseInput } from "../validation";
import type { ExportFormat } from "./document";
import { documentOf, loadSystemMetadata } from "./load-system-metadata";
import { exportFormatSchema } from "./schemas";
import { serializeMetadata } from "./serialize-metadata";

/**
 * A system's things, sensors, observed properties and datastreams as a file: Rhei's format (YAML or JSON, for
 * version control: stable order, so an unchanged system exports the same bytes) or the reference platform's
 * instances.json.
 */
export async function exportMetadata({
  actor,
  systemId,
  format,
}: {
  actor: Actor;
  systemId: string;
  format: ExportFormat;
}) {
  const system = await getMetadataSystem({ actor, systemId, action: "metadata.read" });
  const chosen = parseInput(exportFormatSchema, format);
  const existing = await loadSystemMetadata(db, system);
  const serialized = serializeMetadata(documentOf(existing), chosen);
  return { filename: `${system.name}.${serialized.extension}`, ...serialized };
}
