import { deleteSensorEndpoint, getSensorEndpoint, updateSensorEndpoint } from "@/lib/api/endpoints/sensors";
import { withDatastreamCount } from "@/lib/api/endpoints/things";
import { handle } from "@/lib/api/handle";
import { deleteSensor } from "@/lib/sensors/delete-sensor";
import { getSensor } from "@/lib/sensors/get-sensor";
import { updateSensor } from "@/lib/sensors/update-sensor";

// GET /api/v1/sensors/{sensorId}: one sensor with how many datastreams use it.
export const GET = handle(getSensorEndpoint, async ({ actor, params }) =>
  withDatastreamCount(await getSensor({ actor, sensorId: params.sensorId })),
);

// PATCH /api/v1/sensors/{sensorId}: change a sensor (it may be renamed).
export const PATCH = handle(updateSensorEndpoint, async ({ actor, params, body }) => {
  await updateSensor({ actor, sensorId: params.sensorId, input: body });
  return withDatastreamCount(await getSensor({ actor, sensorId: params.sensorId }));
});

// DELETE /api/v1/sensors/{sensorId}: delete a sensor; its datastreams stay without one.
export const DELETE = handle(deleteSensorEndpoint, ({ actor, params }) =>
  deleteSensor({ actor, sensorId: params.sensorId }),
);
