// Large metadata documents for import tests and the import benchmark.
import { observationTypeNames } from "@/lib/sdk/observation-type-uris";

const positionSchema = {
  type: "object",
  required: ["lat", "lon"],
  properties: { lat: { type: "number" }, lon: { type: "number" } },
};

/**
 * A Rhei document with `datastreams` datastreams spread over things of `perThing` each, sharing a few sensors and
 * observed properties, of every observation type (Observations share one schema, as real fleets do).
 */
export function largeRheiDocument({ datastreams, perThing = 50 }: { datastreams: number; perThing?: number }) {
  const thingCount = Math.ceil(datastreams / perThing);
  const things = Array.from({ length: thingCount }, (_, i) => ({
    name: `Machine-${String(i).padStart(4, "0")}`,
    description: `Machine ${i} of the line`,
    properties: { line: i % 7, serial: `SN-${i}` },
  }));
  const sensors = Array.from({ length: 20 }, (_, i) => ({
    name: `Sensor model ${i}`,
    encodingType: "application/pdf",
  }));
  const observedProperties = Array.from({ length: 30 }, (_, i) => ({
    name: `Quantity ${i}`,
    definition: `urn:q:${i}`,
  }));
  const list = Array.from({ length: datastreams }, (_, i) => {
    const type = observationTypeNames[i % observationTypeNames.length] ?? "Measurement";
    return {
      thing: things[Math.floor(i / perThing)]?.name ?? "",
      name: `Channel ${i % perThing}`,
      description: `Channel ${i}`,
      observationType: type,
      ...(type === "Measurement" ? { unit: { name: "DegreeCelsius", symbol: "degC" } } : {}),
      sensor: sensors[i % sensors.length]?.name,
      observedProperty: observedProperties[i % observedProperties.length]?.name,
      ...(type === "Observation" ? { resultSchema: positionSchema } : {}),
    };
  });
  return { rhei: 1, things, sensors, observedProperties, datastreams: list };
}
