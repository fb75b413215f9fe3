import {
  deleteObservedPropertyEndpoint,
  getObservedPropertyEndpoint,
  updateObservedPropertyEndpoint,
} from "@/lib/api/endpoints/observed-properties";
import { withDatastreamCount } from "@/lib/api/endpoints/things";
import { handle } from "@/lib/api/handle";
import { deleteObservedProperty } from "@/lib/observed-properties/delete-observed-property";
import { getObservedProperty } from "@/lib/observed-properties/get-observed-property";
import { updateObservedProperty } from "@/lib/observed-properties/update-observed-property";

// GET /api/v1/observed-properties/{observedPropertyId}: one observed property.
export const GET = handle(getObservedPropertyEndpoint, async ({ actor, params }) =>
  withDatastreamCount(await getObservedProperty({ actor, observedPropertyId: params.observedPropertyId })),
);

// PATCH /api/v1/observed-properties/{observedPropertyId}: change an observed property.
export const PATCH = handle(updateObservedPropertyEndpoint, async ({ actor, params, body }) => {
  await updateObservedProperty({ actor, observedPropertyId: params.observedPropertyId, input: body });
  return withDatastreamCount(await getObservedProperty({ actor, observedPropertyId: params.observedPropertyId }));
});

// DELETE /api/v1/observed-properties/{observedPropertyId}: delete it; its datastreams stay without one.
export const DELETE = handle(deleteObservedPropertyEndpoint, ({ actor, params }) =>
  deleteObservedProperty({ actor, observedPropertyId: params.observedPropertyId }),
);
