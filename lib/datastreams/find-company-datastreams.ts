import "server-only";
import type { Actor } from "../authz/actor";
import { authorize } from "../authz/authorize";
import { db } from "../db/client";
import { containsText } from "../db/escape-like";

export interface DatastreamChoice {
  id: string;
  name: string;
  fullName: string;
  observationType: string;
  unitSymbol: string;
  systemId: string;
}

/** Datastreams of a company whose full name contains `q` (all when empty), for pickers: at most `limit`. */
export async function findCompanyDatastreams({
  actor,
  companyId,
  q,
  ids,
  limit = 50,
}: {
  actor: Actor;
  companyId: string;
  q?: string;
  /** Exactly these (those of the company among them): the datastreams a dashboard shows. */
  ids?: readonly string[];
  limit?: number;
}): Promise<DatastreamChoice[]> {
  await authorize(actor, "data.read", { companyId, what: "Company" });
  return db.datastream.findMany({
    where: {
      system: { companyId },
      ...(ids ? { id: { in: [...ids] } } : {}),
      ...(q?.trim() ? { fullName: containsText(q.trim().slice(0, 200)) } : {}),
    },
    select: { id: true, name: true, fullName: true, observationType: true, unitSymbol: true, systemId: true },
    orderBy: { fullName: "asc" },
    take: ids ? ids.length : Math.min(limit, 200),
  });
}
