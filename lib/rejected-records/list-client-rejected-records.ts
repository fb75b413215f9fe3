import "server-only";
import type { Actor } from "../authz/actor";
import { getClient } from "../clients/get-client";
import { parseInput } from "../validation";
import { listSystemRejectedRecords } from "./list-system-rejected-records";
import { systemRejectedRecordsQuerySchema } from "./schemas";

/** The records one client application reported it could not use, with its own total. */
export async function listClientRejectedRecords({
  actor,
  clientId,
  query,
}: {
  actor: Actor;
  clientId: string;
  query: unknown;
}) {
  const client = await getClient({ actor, clientId });
  const q = parseInput(systemRejectedRecordsQuerySchema.omit({ reportedBy: true }), query ?? {});
  const page = await listSystemRejectedRecords({
    actor,
    systemId: client.systemId,
    query: { ...q, reportedBy: client.principal },
  });
  return { ...page, client: { id: client.id, principal: client.principal }, clientRejectedCount: client.rejectedCount };
}
