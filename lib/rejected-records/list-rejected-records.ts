import "server-only";
import type { Actor } from "../authz/actor";
import { authorize } from "../authz/authorize";
import { db } from "../db/client";
import { notFound } from "../errors";
import { isId } from "../ids";
import { pageOf, skipTake } from "../pagination";
import { parseInput } from "../validation";
import { rejectedRecordsQuerySchema } from "./schemas";

/** The rejected records of a datastream, newest first, with the total ever counted. */
export async function listRejectedRecords({
  actor,
  datastreamId,
  query,
}: {
  actor: Actor;
  datastreamId: string;
  query: unknown;
}) {
  if (!isId(datastreamId)) throw notFound("Datastream");
  const datastream = await db.datastream.findUnique({
    where: { id: datastreamId },
    select: { id: true, rejectedCount: true, systemId: true, system: { select: { companyId: true } } },
  });
  if (!datastream) throw notFound("Datastream");
  await authorize(actor, "metadata.read", {
    companyId: datastream.system.companyId,
    systemId: datastream.systemId,
    what: "Datastream",
  });
  const q = parseInput(rejectedRecordsQuerySchema, query ?? {});
  const where = { datastreamId };
  const [items, kept] = await Promise.all([
    db.rejectedRecord.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      ...skipTake({ ...q, sort: "at", order: "desc" }),
    }),
    db.rejectedRecord.count({ where }),
  ]);
  return { ...pageOf(items, kept, { ...q, sort: "at", order: "desc" }), rejectedCount: datastream.rejectedCount };
}
