import {
  deleteThingEndpoint,
  getThingEndpoint,
  updateThingEndpoint,
  withDatastreamCount,
} from "@/lib/api/endpoints/things";
import { handle } from "@/lib/api/handle";
import { deleteThing } from "@/lib/things/delete-thing";
import { getThing } from "@/lib/things/get-thing";
import { updateThing } from "@/lib/things/update-thing";

// GET /api/v1/things/{thingId}: one thing with its datastream count.
export const GET = handle(getThingEndpoint, async ({ actor, params }) =>
  withDatastreamCount(await getThing({ actor, thingId: params.thingId })),
);

// PATCH /api/v1/things/{thingId}: change description or properties; the name is fixed.
export const PATCH = handle(updateThingEndpoint, async ({ actor, params, body }) => {
  await updateThing({ actor, thingId: params.thingId, input: body });
  return withDatastreamCount(await getThing({ actor, thingId: params.thingId }));
});

// DELETE /api/v1/things/{thingId}: delete a thing and its datastreams.
export const DELETE = handle(deleteThingEndpoint, ({ actor, params }) =>
  deleteThing({ actor, thingId: params.thingId }),
);
