import "server-only";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { notFound } from "../errors";
import { getDatastream } from "./get-datastream";

/** Every schema version of a datastream, oldest first; the last is the current one. */
export async function listDatastreamSchemaVersions({ actor, datastreamId }: { actor: Actor; datastreamId: string }) {
  await getDatastream({ actor, datastreamId });
  return db.datastreamSchemaVersion.findMany({ where: { datastreamId }, orderBy: { version: "asc" } });
}

/** One schema version, e.g. to read a record written under an earlier type. */
export async function getDatastreamSchemaVersion({
  actor,
  datastreamId,
  version,
}: {
  actor: Actor;
  datastreamId: string;
  version: number;
}) {
  await getDatastream({ actor, datastreamId });
  const row = Number.isInteger(version)
    ? await db.datastreamSchemaVersion.findUnique({ where: { datastreamId_version: { datastreamId, version } } })
    : null;
  if (!row) throw notFound("Schema version");
  return row;
}
