import "server-only";
import type { Actor } from "../authz/actor";
import { listObservedProperties } from "../observed-properties/list-observed-properties";
import { listSensors } from "../sensors/list-sensors";
import { listThings } from "../things/list-things";

/** How many of each the datastream form's selects list; systems with more are rare, and say so in the form. */
const OPTIONS_LIMIT = 200;

/** The things, sensors and observed properties a datastream form offers, by name. */
export async function loadDatastreamOptions(actor: Actor, systemId: string) {
  const query = { pageSize: OPTIONS_LIMIT, sort: "name", order: "asc" };
  const [things, sensors, observedProperties] = await Promise.all([
    listThings({ actor, systemId, query }),
    listSensors({ actor, systemId, query }),
    listObservedProperties({ actor, systemId, query }),
  ]);
  const pick = (items: { id: string; name: string }[]) => items.map(({ id, name }) => ({ id, name }));
  return {
    things: pick(things.items),
    sensors: pick(sensors.items),
    observedProperties: pick(observedProperties.items),
    truncated: [things, sensors, observedProperties].some((p) => p.total > p.items.length),
  };
}
