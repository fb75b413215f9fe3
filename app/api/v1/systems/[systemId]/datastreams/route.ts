import { createDatastreamEndpoint, listDatastreamsEndpoint, unitView } from "@/lib/api/endpoints/datastreams";
import { handle } from "@/lib/api/handle";
import { createDatastream } from "@/lib/datastreams/create-datastream";
import { listDatastreams } from "@/lib/datastreams/list-datastreams";

// GET /api/v1/systems/{systemId}/datastreams: the system's datastreams, paginated, sorted and filtered.
export const GET = handle(listDatastreamsEndpoint, async ({ actor, params, query }) => {
  const page = await listDatastreams({ actor, systemId: params.systemId, query });
  return { ...page, items: page.items.map(unitView) };
});

// POST /api/v1/systems/{systemId}/datastreams: create a datastream of one of the system's things.
export const POST = handle(createDatastreamEndpoint, async ({ actor, params, body }) =>
  unitView(await createDatastream({ actor, systemId: params.systemId, input: body })),
);
