import { createSensorEndpoint, listSensorsEndpoint } from "@/lib/api/endpoints/sensors";
import { withDatastreamCount } from "@/lib/api/endpoints/things";
import { handle } from "@/lib/api/handle";
import { createSensor } from "@/lib/sensors/create-sensor";
import { listSensors } from "@/lib/sensors/list-sensors";

// GET /api/v1/systems/{systemId}/sensors: the system's sensors, paginated, sorted and filtered.
export const GET = handle(listSensorsEndpoint, async ({ actor, params, query }) => {
  const page = await listSensors({ actor, systemId: params.systemId, query });
  return { ...page, items: page.items.map(withDatastreamCount) };
});

// POST /api/v1/systems/{systemId}/sensors: create a sensor.
export const POST = handle(createSensorEndpoint, async ({ actor, params, body }) =>
  withDatastreamCount(await createSensor({ actor, systemId: params.systemId, input: body })),
);
