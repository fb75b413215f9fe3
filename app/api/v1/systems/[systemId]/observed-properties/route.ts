import {
  createObservedPropertyEndpoint,
  listObservedPropertiesEndpoint,
} from "@/lib/api/endpoints/observed-properties";
import { withDatastreamCount } from "@/lib/api/endpoints/things";
import { handle } from "@/lib/api/handle";
import { createObservedProperty } from "@/lib/observed-properties/create-observed-property";
import { listObservedProperties } from "@/lib/observed-properties/list-observed-properties";

// GET /api/v1/systems/{systemId}/observed-properties: the system's observed properties, paginated.
export const GET = handle(listObservedPropertiesEndpoint, async ({ actor, params, query }) => {
  const page = await listObservedProperties({ actor, systemId: params.systemId, query });
  return { ...page, items: page.items.map(withDatastreamCount) };
});

// POST /api/v1/systems/{systemId}/observed-properties: create an observed property.
export const POST = handle(createObservedPropertyEndpoint, async ({ actor, params, body }) =>
  withDatastreamCount(await createObservedProperty({ actor, systemId: params.systemId, input: body })),
);
