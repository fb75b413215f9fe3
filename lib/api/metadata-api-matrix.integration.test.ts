// Every metadata endpoint against every kind of caller: the company's operator (reads only), a user of another
// company (404), a client of a sibling system (404), malformed ids (404), and the system's own client (allowed).
import { beforeAll, describe, expect, it } from "vitest";
import * as rejectedRoute from "@/app/api/v1/datastreams/[datastreamId]/rejected-records/route";
import * as datastreamRoute from "@/app/api/v1/datastreams/[datastreamId]/route";
import * as versionRoute from "@/app/api/v1/datastreams/[datastreamId]/schema-versions/[version]/route";
import * as versionsRoute from "@/app/api/v1/datastreams/[datastreamId]/schema-versions/route";
import * as byNameRoute from "@/app/api/v1/datastreams/route";
import * as propertyRoute from "@/app/api/v1/observed-properties/[observedPropertyId]/route";
import * as sensorRoute from "@/app/api/v1/sensors/[sensorId]/route";
import * as systemDatastreamsRoute from "@/app/api/v1/systems/[systemId]/datastreams/route";
import * as importRoute from "@/app/api/v1/systems/[systemId]/metadata/import/route";
import * as exportRoute from "@/app/api/v1/systems/[systemId]/metadata/route";
import * as systemPropertiesRoute from "@/app/api/v1/systems/[systemId]/observed-properties/route";
import * as systemSensorsRoute from "@/app/api/v1/systems/[systemId]/sensors/route";
import * as systemThingsRoute from "@/app/api/v1/systems/[systemId]/things/route";
import * as thingRoute from "@/app/api/v1/things/[thingId]/route";
import { type ApiCall, callApi } from "@/test/call-api";
import { type MetadataWorld, seedMetadataWorld } from "@/test/metadata-operations";
import { seedClient, seedMember, seedSystem, seedToken, seedUser } from "@/test/seed";

type Auth = Pick<ApiCall, "token" | "basic">;
type Handler = Parameters<typeof callApi>[0];

interface EndpointCase {
  name: string;
  /** Success status when allowed. */
  ok: number;
  write: boolean;
  call: (auth: Auth, w: MetadataWorld) => ReturnType<typeof callApi>;
  /** The same call with a malformed id in the path, where the path has one. */
  malformed?: (auth: Auth) => ReturnType<typeof callApi>;
}

const doc = JSON.stringify({ rhei: 1, things: [{ name: "Imported" }] });

function get(name: string, handler: Handler, params: (w: MetadataWorld) => Record<string, string>, key?: string) {
  return {
    name,
    ok: 200,
    write: false,
    call: (auth: Auth, w: MetadataWorld) => callApi(handler, "GET", { ...auth, params: params(w) }),
    ...(key ? { malformed: (auth: Auth) => callApi(handler, "GET", { ...auth, params: { [key]: "not-an-id" } }) } : {}),
  } satisfies EndpointCase;
}

function write(
  name: string,
  handler: Handler,
  method: string,
  ok: number,
  params: (w: MetadataWorld) => Record<string, string>,
  key: string,
  body?: (w: MetadataWorld) => unknown,
  query?: Record<string, string>,
): EndpointCase {
  return {
    name,
    ok,
    write: true,
    call: (auth, w) => callApi(handler, method, { ...auth, params: params(w), query, body: body?.(w) }),
    malformed: (auth) =>
      callApi(handler, method, { ...auth, params: { [key]: "x" }, query, body: body?.({} as MetadataWorld) }),
  };
}

const system = (w: MetadataWorld) => ({ systemId: w.system.id });
const thing = (w: MetadataWorld) => ({ thingId: w.thing.id });
const sensor = (w: MetadataWorld) => ({ sensorId: w.sensor.id });
const property = (w: MetadataWorld) => ({ observedPropertyId: w.observedProperty.id });
const datastream = (w: MetadataWorld) => ({ datastreamId: w.datastream.id });

const cases: EndpointCase[] = [
  get("listThings", systemThingsRoute.GET, system, "systemId"),
  write("createThing", systemThingsRoute.POST, "POST", 201, system, "systemId", () => ({ name: "New" })),
  get("getThing", thingRoute.GET, thing, "thingId"),
  write("updateThing", thingRoute.PATCH, "PATCH", 200, thing, "thingId", () => ({ description: "x" })),
  write("deleteThing", thingRoute.DELETE, "DELETE", 204, thing, "thingId"),
  get("listSensors", systemSensorsRoute.GET, system, "systemId"),
  write("createSensor", systemSensorsRoute.POST, "POST", 201, system, "systemId", () => ({ name: "New" })),
  get("getSensor", sensorRoute.GET, sensor, "sensorId"),
  write("updateSensor", sensorRoute.PATCH, "PATCH", 200, sensor, "sensorId", () => ({ description: "x" })),
  write("deleteSensor", sensorRoute.DELETE, "DELETE", 204, sensor, "sensorId"),
  get("listObservedProperties", systemPropertiesRoute.GET, system, "systemId"),
  write("createObservedProperty", systemPropertiesRoute.POST, "POST", 201, system, "systemId", () => ({
    name: "New",
  })),
  get("getObservedProperty", propertyRoute.GET, property, "observedPropertyId"),
  write("updateObservedProperty", propertyRoute.PATCH, "PATCH", 200, property, "observedPropertyId", () => ({
    description: "x",
  })),
  write("deleteObservedProperty", propertyRoute.DELETE, "DELETE", 204, property, "observedPropertyId"),
  get("listDatastreams", systemDatastreamsRoute.GET, system, "systemId"),
  write("createDatastream", systemDatastreamsRoute.POST, "POST", 201, system, "systemId", (w) => ({
    thingId: w.thing?.id ?? "00000000-0000-7000-8000-000000000000",
    name: "New",
    observationType: "Count",
  })),
  get("getDatastream", datastreamRoute.GET, datastream, "datastreamId"),
  write("updateDatastream", datastreamRoute.PATCH, "PATCH", 200, datastream, "datastreamId", () => ({
    observationType: "Truth",
  })),
  write("deleteDatastream", datastreamRoute.DELETE, "DELETE", 204, datastream, "datastreamId"),
  {
    name: "getDatastreamByFullName",
    ok: 200,
    write: false,
    call: (auth, w) => callApi(byNameRoute.GET, "GET", { ...auth, query: { fullName: w.datastream.fullName } }),
  },
  get("listDatastreamSchemaVersions", versionsRoute.GET, datastream, "datastreamId"),
  {
    ...get("getDatastreamSchemaVersion", versionRoute.GET, (w) => ({ datastreamId: w.datastream.id, version: "1" })),
    malformed: (auth) => callApi(versionRoute.GET, "GET", { ...auth, params: { datastreamId: "x", version: "1" } }),
  },
  get("listRejectedRecords", rejectedRoute.GET, datastream, "datastreamId"),
  get("exportMetadata", exportRoute.GET, system, "systemId"),
  write("planImport", importRoute.POST, "POST", 200, system, "systemId", () => doc, { dryRun: "true" }),
  write("applyImport", importRoute.POST, "POST", 200, system, "systemId", () => doc),
];

let seeded: Awaited<ReturnType<typeof seedClient>>;
let operator: string;
let outsider: string;
let siblingClient: Auth;

describe("metadata endpoints × callers", () => {
  beforeAll(async () => {
    // The company, its operator, and a client of another of its systems; each case gets a system of its own.
    seeded = await seedClient();
    operator = await seedToken(await seedMember(seeded.company.id, seeded.admin, "operator"));
    outsider = await seedToken(await seedUser());
    siblingClient = { basic: { principal: seeded.client.principal, secret: seeded.secret } };
  });

  for (const c of cases) {
    it(`${c.name}: operator ${c.write ? 403 : c.ok}, other company 404, sibling client 404, bad id 404, own client ${c.ok}`, async () => {
      const own = await seedClient(await seedSystem({ company: seeded.company, admin: seeded.admin }));
      const w = await seedMetadataWorld(seeded.admin.actor, own.system);
      expect((await c.call({ token: operator }, w)).status, "operator").toBe(c.write ? 403 : c.ok);
      expect((await c.call({ token: outsider }, w)).status, "other company").toBe(404);
      expect((await c.call(siblingClient, w)).status, "sibling client").toBe(404);
      if (c.malformed) expect((await c.malformed({ token: operator })).status, "malformed id").toBe(404);
      const mine = await c.call({ basic: { principal: own.client.principal, secret: own.secret } }, w);
      expect(mine.status, `own client: ${mine.text}`).toBe(c.ok);
    });
  }
});
