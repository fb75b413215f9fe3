import {
  deleteDatastreamEndpoint,
  getDatastreamEndpoint,
  unitView,
  updateDatastreamEndpoint,
} from "@/lib/api/endpoints/datastreams";
import { handle } from "@/lib/api/handle";
import { deleteDatastream } from "@/lib/datastreams/delete-datastream";
import { getDatastream } from "@/lib/datastreams/get-datastream";
import { updateDatastream } from "@/lib/datastreams/update-datastream";

// GET /api/v1/datastreams/{datastreamId}: one datastream with its thing, sensor and observed property.
export const GET = handle(getDatastreamEndpoint, async ({ actor, params }) =>
  unitView(await getDatastream({ actor, datastreamId: params.datastreamId })),
);

// PATCH /api/v1/datastreams/{datastreamId}: change it; a new type, unit or schema adds a schema version.
export const PATCH = handle(updateDatastreamEndpoint, async ({ actor, params, body }) =>
  unitView(await updateDatastream({ actor, datastreamId: params.datastreamId, input: body })),
);

// DELETE /api/v1/datastreams/{datastreamId}: delete it with its schema versions.
export const DELETE = handle(deleteDatastreamEndpoint, ({ actor, params }) =>
  deleteDatastream({ actor, datastreamId: params.datastreamId }),
);
