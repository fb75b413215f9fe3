import "server-only";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { translatePrismaError } from "../db/prisma-errors";
import { invalid } from "../errors";
import { publishEvent } from "../events/publish-event";
import { getMetadataSystem } from "../metadata-system";
import { parseInput } from "../validation";
import { diffMetadata, type ImportPlan } from "./diff-metadata";
import type { ImportFormat, ImportIssue } from "./document";
import { executeImport } from "./execute-import";
import { loadSystemMetadata } from "./load-system-metadata";
import { type MetadataSource, parseMetadata } from "./parse-metadata";
import { importFormatSchema } from "./schemas";

/** Long enough for 10,000 new datastreams on a slow machine; imports of that size are rare and deliberate. */
const IMPORT_TIMEOUT_MS = 10 * 60 * 1000;

/** Bad files are refused naming each path and rule (the first 20 in the message, all in fieldErrors). */
export function importRefusal(errors: ImportIssue[]) {
  const fields: Record<string, string[]> = {};
  for (const e of errors) fields[e.path] = [...(fields[e.path] ?? []), e.message];
  const shown = errors.slice(0, 20).map((e) => `${e.path}: ${e.message}`);
  const more = errors.length > shown.length ? `; and ${errors.length - shown.length} more` : "";
  return invalid(
    `Import refused, ${errors.length} problem${errors.length === 1 ? "" : "s"}: ${shown.join("; ")}${more}`,
    fields,
  );
}

/**
 * Imports a metadata file into a system in one transaction: creates what is new, updates what differs, leaves
 * the rest (and anything the file does not mention) alone. Idempotent: the same file twice changes nothing the
 * second time. Concurrent imports into one system run one after the other (an advisory lock), so neither sees
 * the other half done. Returns the plan it carried out.
 */
export async function applyImport({
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
  if (parsed.errors.length > 0) throw importRefusal(parsed.errors);
  return db
    .$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`rhei.import.${system.id}`}, 0))`;
        const existing = await loadSystemMetadata(tx, system);
        const { plan, operations } = diffMetadata(parsed, existing, system.id);
        if (plan.errors.length > 0) throw importRefusal(plan.errors);
        await executeImport(tx, actor, system, existing, operations, plan);
        await publishEvent(
          { type: "datastream.changed", companyId: system.companyId, systemId: system.id, change: "updated" },
          tx,
        );
        return plan;
      },
      { timeout: IMPORT_TIMEOUT_MS, maxWait: 30_000 },
    )
    .catch((error: unknown) => {
      throw translatePrismaError(error);
    });
}
