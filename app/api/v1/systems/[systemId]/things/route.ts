import { createThingEndpoint, listThingsEndpoint, withDatastreamCount } from "@/lib/api/endpoints/things";
import { handle } from "@/lib/api/handle";
import { createThing } from "@/lib/things/create-thing";
import { listThings } from "@/lib/things/list-things";

// GET /api/v1/systems/{systemId}/things: the system's things, paginated, sorted and filtered.
export const GET = handle(listThingsEndpoint, async ({ actor, params, query }) => {
  const page = await listThings({ actor, systemId: params.systemId, query });
  return { ...page, items: page.items.map(withDatastreamCount) };
});

// POST /api/v1/systems/{systemId}/things: create a thing (admins, engineers, the system's clients).
export const POST = handle(createThingEndpoint, async ({ actor, params, body }) =>
  withDatastreamCount(await createThing({ actor, systemId: params.systemId, input: body })),
);
