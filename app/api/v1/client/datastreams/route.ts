import { clientDatastreamsEndpoint } from "@/lib/api/endpoints/client-metadata";
import { handle } from "@/lib/api/handle";
import { listDatastreamCatalog } from "@/lib/datastreams/list-datastream-catalog";
import { forbidden } from "@/lib/errors";

// GET /api/v1/client/datastreams: every datastream of the calling client's system, for the SDK's cache.
export const GET = handle(clientDatastreamsEndpoint, async ({ actor }) => {
  if (actor.type !== "client") throw forbidden("Only a client application has a system of its own");
  return { datastreams: await listDatastreamCatalog({ actor, systemId: actor.systemId }) };
});
