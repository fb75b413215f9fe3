// Every metadata operation, as one entry of the authorization matrix (action it needs, and a call on a world
// that has one of each metadata object). lib/metadata-io/metadata-authorization.integration.test.ts runs them;
// the company-wide matrix in lib/authz can import the same list.
import type { Actor } from "@/lib/authz/actor";
import type { Action } from "@/lib/authz/permissions";
import { createDatastream } from "@/lib/datastreams/create-datastream";
import { datastreamDeletionImpact, deleteDatastream } from "@/lib/datastreams/delete-datastream";
import { getDatastream, getDatastreamByFullName } from "@/lib/datastreams/get-datastream";
import { listDatastreamCatalog } from "@/lib/datastreams/list-datastream-catalog";
import {
  getDatastreamSchemaVersion,
  listDatastreamSchemaVersions,
} from "@/lib/datastreams/list-datastream-schema-versions";
import { listDatastreams } from "@/lib/datastreams/list-datastreams";
import { updateDatastream } from "@/lib/datastreams/update-datastream";
import { applyImport } from "@/lib/metadata-io/apply-import";
import { exportMetadata } from "@/lib/metadata-io/export-metadata";
import { planImport } from "@/lib/metadata-io/plan-import";
import { createObservedProperty } from "@/lib/observed-properties/create-observed-property";
import {
  deleteObservedProperty,
  observedPropertyDeletionImpact,
} from "@/lib/observed-properties/delete-observed-property";
import { getObservedProperty } from "@/lib/observed-properties/get-observed-property";
import { listObservedProperties } from "@/lib/observed-properties/list-observed-properties";
import { updateObservedProperty } from "@/lib/observed-properties/update-observed-property";
import { createSensor } from "@/lib/sensors/create-sensor";
import { deleteSensor, sensorDeletionImpact } from "@/lib/sensors/delete-sensor";
import { getSensor } from "@/lib/sensors/get-sensor";
import { listSensors } from "@/lib/sensors/list-sensors";
import { updateSensor } from "@/lib/sensors/update-sensor";
import { createThing } from "@/lib/things/create-thing";
import { deleteThing, thingDeletionImpact } from "@/lib/things/delete-thing";
import { getThing } from "@/lib/things/get-thing";
import { listThings } from "@/lib/things/list-things";
import { updateThing } from "@/lib/things/update-thing";

export interface MetadataWorld {
  system: { id: string };
  thing: { id: string };
  sensor: { id: string };
  observedProperty: { id: string };
  datastream: { id: string; fullName: string };
}

/** One of each metadata object in the system, created by `actor` (an admin of its company). */
export async function seedMetadataWorld(actor: Actor, system: { id: string }): Promise<MetadataWorld> {
  const systemId = system.id;
  const thing = await createThing({ actor, systemId, input: { name: "Main" } });
  const sensor = await createSensor({ actor, systemId, input: { name: "PT100" } });
  const observedProperty = await createObservedProperty({ actor, systemId, input: { name: "Temperature" } });
  const datastream = await createDatastream({
    actor,
    systemId,
    input: {
      thingId: thing.id,
      sensorId: sensor.id,
      observedPropertyId: observedProperty.id,
      name: "Air Temperature",
      observationType: "Measurement",
    },
  });
  return { system, thing, sensor, observedProperty, datastream };
}

export interface MetadataOperation {
  name: string;
  action: Action;
  run: (actor: Actor, w: MetadataWorld) => Promise<unknown>;
}

const small = { rhei: 1, things: [{ name: "Imported" }] };

export const metadataOperations: MetadataOperation[] = [
  {
    name: "listThings",
    action: "metadata.read",
    run: (actor, w) => listThings({ actor, systemId: w.system.id, query: {} }),
  },
  { name: "getThing", action: "metadata.read", run: (actor, w) => getThing({ actor, thingId: w.thing.id }) },
  {
    name: "createThing",
    action: "metadata.write",
    run: (actor, w) => createThing({ actor, systemId: w.system.id, input: { name: "New" } }),
  },
  {
    name: "updateThing",
    action: "metadata.write",
    run: (actor, w) => updateThing({ actor, thingId: w.thing.id, input: { description: "x" } }),
  },
  {
    name: "thingDeletionImpact",
    action: "metadata.write",
    run: (actor, w) => thingDeletionImpact({ actor, thingId: w.thing.id }),
  },
  { name: "deleteThing", action: "metadata.write", run: (actor, w) => deleteThing({ actor, thingId: w.thing.id }) },
  {
    name: "listSensors",
    action: "metadata.read",
    run: (actor, w) => listSensors({ actor, systemId: w.system.id, query: {} }),
  },
  { name: "getSensor", action: "metadata.read", run: (actor, w) => getSensor({ actor, sensorId: w.sensor.id }) },
  {
    name: "createSensor",
    action: "metadata.write",
    run: (actor, w) => createSensor({ actor, systemId: w.system.id, input: { name: "New" } }),
  },
  {
    name: "updateSensor",
    action: "metadata.write",
    run: (actor, w) => updateSensor({ actor, sensorId: w.sensor.id, input: { description: "x" } }),
  },
  {
    name: "sensorDeletionImpact",
    action: "metadata.write",
    run: (actor, w) => sensorDeletionImpact({ actor, sensorId: w.sensor.id }),
  },
  { name: "deleteSensor", action: "metadata.write", run: (actor, w) => deleteSensor({ actor, sensorId: w.sensor.id }) },
  {
    name: "listObservedProperties",
    action: "metadata.read",
    run: (actor, w) => listObservedProperties({ actor, systemId: w.system.id, query: {} }),
  },
  {
    name: "getObservedProperty",
    action: "metadata.read",
    run: (actor, w) => getObservedProperty({ actor, observedPropertyId: w.observedProperty.id }),
  },
  {
    name: "createObservedProperty",
    action: "metadata.write",
    run: (actor, w) => createObservedProperty({ actor, systemId: w.system.id, input: { name: "New" } }),
  },
  {
    name: "updateObservedProperty",
    action: "metadata.write",
    run: (actor, w) =>
      updateObservedProperty({ actor, observedPropertyId: w.observedProperty.id, input: { description: "x" } }),
  },
  {
    name: "observedPropertyDeletionImpact",
    action: "metadata.write",
    run: (actor, w) => observedPropertyDeletionImpact({ actor, observedPropertyId: w.observedProperty.id }),
  },
  {
    name: "deleteObservedProperty",
    action: "metadata.write",
    run: (actor, w) => deleteObservedProperty({ actor, observedPropertyId: w.observedProperty.id }),
  },
  {
    name: "listDatastreams",
    action: "metadata.read",
    run: (actor, w) => listDatastreams({ actor, systemId: w.system.id, query: {} }),
  },
  {
    name: "getDatastream",
    action: "metadata.read",
    run: (actor, w) => getDatastream({ actor, datastreamId: w.datastream.id }),
  },
  {
    name: "getDatastreamByFullName",
    action: "metadata.read",
    run: (actor, w) => getDatastreamByFullName({ actor, fullName: w.datastream.fullName }),
  },
  {
    name: "listDatastreamSchemaVersions",
    action: "metadata.read",
    run: (actor, w) => listDatastreamSchemaVersions({ actor, datastreamId: w.datastream.id }),
  },
  {
    name: "getDatastreamSchemaVersion",
    action: "metadata.read",
    run: (actor, w) => getDatastreamSchemaVersion({ actor, datastreamId: w.datastream.id, version: 1 }),
  },
  {
    name: "listDatastreamCatalog",
    action: "metadata.read",
    run: (actor, w) => listDatastreamCatalog({ actor, systemId: w.system.id }),
  },
  {
    name: "createDatastream",
    action: "metadata.write",
    run: (actor, w) =>
      createDatastream({
        actor,
        systemId: w.system.id,
        input: { thingId: w.thing.id, name: "New", observationType: "Count" },
      }),
  },
  {
    name: "updateDatastream",
    action: "metadata.write",
    run: (actor, w) => updateDatastream({ actor, datastreamId: w.datastream.id, input: { observationType: "Count" } }),
  },
  {
    name: "datastreamDeletionImpact",
    action: "metadata.write",
    run: (actor, w) => datastreamDeletionImpact({ actor, datastreamId: w.datastream.id }),
  },
  {
    name: "deleteDatastream",
    action: "metadata.write",
    run: (actor, w) => deleteDatastream({ actor, datastreamId: w.datastream.id }),
  },
  {
    name: "exportMetadata",
    action: "metadata.read",
    run: (actor, w) => exportMetadata({ actor, systemId: w.system.id, format: "rhei-yaml" }),
  },
  {
    name: "planImport",
    action: "metadata.write",
    run: (actor, w) => planImport({ actor, systemId: w.system.id, source: small }),
  },
  {
    name: "applyImport",
    action: "metadata.write",
    run: (actor, w) => applyImport({ actor, systemId: w.system.id, source: small }),
  },
];
