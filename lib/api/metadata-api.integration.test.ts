import { describe, expect, it } from "vitest";
import * as rejectedRoute from "@/app/api/v1/datastreams/[datastreamId]/rejected-records/route";
import * as datastreamRoute from "@/app/api/v1/datastreams/[datastreamId]/route";
import * as versionRoute from "@/app/api/v1/datastreams/[datastreamId]/schema-versions/[version]/route";
import * as versionsRoute from "@/app/api/v1/datastreams/[datastreamId]/schema-versions/route";
import * as byNameRoute from "@/app/api/v1/datastreams/route";
import * as propertyRoute from "@/app/api/v1/observed-properties/[observedPropertyId]/route";
import * as openapiRoute from "@/app/api/v1/openapi.json/route";
import * as sensorRoute from "@/app/api/v1/sensors/[sensorId]/route";
import * as systemDatastreamsRoute from "@/app/api/v1/systems/[systemId]/datastreams/route";
import * as systemPropertiesRoute from "@/app/api/v1/systems/[systemId]/observed-properties/route";
import * as systemSensorsRoute from "@/app/api/v1/systems/[systemId]/sensors/route";
import * as systemThingsRoute from "@/app/api/v1/systems/[systemId]/things/route";
import * as thingRoute from "@/app/api/v1/things/[thingId]/route";
import { callApi } from "@/test/call-api";
import { seedClient, seedDatastream, seedMember, seedSystem, seedToken, seedUser } from "@/test/seed";
import { authenticateClient } from "../clients/authenticate-client";
import { reportRejections } from "../rejected-records/report-rejections";

const positionSchema = {
  type: "object",
  properties: { lat: { type: "number" }, lon: { type: "number" } },
  required: ["lat", "lon"],
};

describe("REST API: things, sensors, observed properties, datastreams", () => {
  it("lets an engineer create, list, read, update and delete each kind", async () => {
    const seeded = await seedSystem();
    const engineer = await seedMember(seeded.company.id, seeded.admin, "engineer");
    const token = await seedToken(engineer);
    const systemId = seeded.system.id;

    const thing = await callApi(systemThingsRoute.POST, "POST", {
      token,
      params: { systemId },
      body: { name: "Main", description: "The car", properties: { specification: "https://example.test/car" } },
    });
    expect(thing.status).toBe(201);
    expect(Object.keys(thing.json).sort()).toEqual([
      "createdAt",
      "datastreamCount",
      "description",
      "id",
      "name",
      "properties",
      "systemId",
      "updatedAt",
    ]);
    const thingId = thing.json.id as string;
    const sensor = await callApi(systemSensorsRoute.POST, "POST", {
      token,
      params: { systemId },
      body: { name: "PT100 temperature sensor", encodingType: "application/pdf" },
    });
    expect(sensor.status).toBe(201);
    const property = await callApi(systemPropertiesRoute.POST, "POST", {
      token,
      params: { systemId },
      body: { name: "Air Temperature", definition: "urn:q:temperature" },
    });
    expect(property.status).toBe(201);

    const created = await callApi(systemDatastreamsRoute.POST, "POST", {
      token,
      params: { systemId },
      body: {
        thingId,
        sensorId: sensor.json.id,
        observedPropertyId: property.json.id,
        name: "Air Temperature",
        observationType: "Measurement",
        unit: { name: "DegreeCelsius", symbol: "degC" },
      },
    });
    expect(created.status).toBe(201);
    const fullName = `${seeded.system.name}.Main.Air Temperature`;
    expect(created.json).toMatchObject({
      fullName,
      observationType: "Measurement",
      unit: { name: "DegreeCelsius", symbol: "degC", definition: "" },
      resultSchema: null,
      schemaVersion: 1,
      rejectedCount: 0,
      thing: { id: thingId, name: "Main" },
      sensor: { id: sensor.json.id, name: "PT100 temperature sensor" },
      observedProperty: { id: property.json.id, name: "Air Temperature" },
    });
    expect(created.json).not.toHaveProperty("unitName");
    expect(created.json).not.toHaveProperty("system");
    const datastreamId = created.json.id as string;

    // Lists: pages, filters by thing and type, counts of datastreams.
    const things = await callApi(systemThingsRoute.GET, "GET", { token, params: { systemId } });
    expect(things.json).toMatchObject({ total: 1, items: [{ name: "Main", datastreamCount: 1 }] });
    const sensors = await callApi(systemSensorsRoute.GET, "GET", { token, params: { systemId }, query: { q: "pt1" } });
    expect(sensors.json).toMatchObject({ total: 1, items: [{ datastreamCount: 1 }] });
    const properties = await callApi(systemPropertiesRoute.GET, "GET", { token, params: { systemId } });
    expect(properties.json.items).toHaveLength(1);
    const filtered = await callApi(systemDatastreamsRoute.GET, "GET", {
      token,
      params: { systemId },
      query: { thingId, observationType: "Measurement" },
    });
    expect(filtered.json).toMatchObject({ total: 1, items: [{ fullName }] });
    const none = await callApi(systemDatastreamsRoute.GET, "GET", {
      token,
      params: { systemId },
      query: { observationType: "Truth" },
    });
    expect(none.json.total).toBe(0);
    const byName = await callApi(byNameRoute.GET, "GET", { token, query: { fullName } });
    expect(byName.json.id).toBe(datastreamId);

    // A new unit is a new schema version; the old one stays readable.
    const patched = await callApi(datastreamRoute.PATCH, "PATCH", {
      token,
      params: { datastreamId },
      body: { unit: { name: "Kelvin", symbol: "K" }, description: "Outside" },
    });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ schemaVersion: 2, unit: { name: "Kelvin", symbol: "K" } });
    const versions = await callApi(versionsRoute.GET, "GET", { token, params: { datastreamId } });
    expect(versions.json.items).toMatchObject([
      { version: 1, current: false, unit: { symbol: "degC" }, observationType: "Measurement" },
      { version: 2, current: true, unit: { symbol: "K" } },
    ]);
    const v1 = await callApi(versionRoute.GET, "GET", { token, params: { datastreamId, version: "1" } });
    expect(v1.json).toMatchObject({ version: 1, current: false, unit: { name: "DegreeCelsius" } });
    expect((await callApi(versionRoute.GET, "GET", { token, params: { datastreamId, version: "9" } })).status).toBe(
      404,
    );
    expect((await callApi(versionRoute.GET, "GET", { token, params: { datastreamId, version: "x" } })).status).toBe(
      404,
    );

    // Thing and sensor updates: a thing keeps its name; a sensor may be renamed.
    const thingPatch = await callApi(thingRoute.PATCH, "PATCH", {
      token,
      params: { thingId },
      body: { description: "Car one" },
    });
    expect(thingPatch.json).toMatchObject({ description: "Car one", datastreamCount: 1 });
    const renamed = await callApi(sensorRoute.PATCH, "PATCH", {
      token,
      params: { sensorId: sensor.json.id },
      body: { name: "PT100" },
    });
    expect(renamed.json).toMatchObject({ name: "PT100", datastreamCount: 1 });
    expect(
      (await callApi(propertyRoute.GET, "GET", { token, params: { observedPropertyId: property.json.id } })).json,
    ).toMatchObject({ name: "Air Temperature", datastreamCount: 1 });

    // Deletes: a sensor and a property leave the datastream without one; a thing takes its datastreams.
    expect((await callApi(sensorRoute.DELETE, "DELETE", { token, params: { sensorId: sensor.json.id } })).status).toBe(
      204,
    );
    expect(
      (await callApi(propertyRoute.DELETE, "DELETE", { token, params: { observedPropertyId: property.json.id } }))
        .status,
    ).toBe(204);
    const detached = await callApi(datastreamRoute.GET, "GET", { token, params: { datastreamId } });
    expect(detached.json).toMatchObject({ sensor: null, observedProperty: null });
    expect((await callApi(thingRoute.DELETE, "DELETE", { token, params: { thingId } })).status).toBe(204);
    expect((await callApi(datastreamRoute.GET, "GET", { token, params: { datastreamId } })).status).toBe(404);
  });

  it("deletes one datastream and refuses to rename it or move it", async () => {
    const seeded = await seedDatastream();
    const token = await seedToken(seeded.admin);
    const datastreamId = seeded.datastream.id;
    const rename = await callApi(datastreamRoute.PATCH, "PATCH", {
      token,
      params: { datastreamId },
      body: { name: "Other" },
    });
    expect(rename.status).toBe(422);
    expect(rename.json.errors.name[0]).toMatch(/cannot change after creation/);
    const renameThing = await callApi(thingRoute.PATCH, "PATCH", {
      token,
      params: { thingId: seeded.thing.id },
      body: { name: "Other" },
    });
    expect(renameThing.status).toBe(422);
    expect(renameThing.json.errors.name[0]).toMatch(/Kafka message key/);
    expect((await callApi(datastreamRoute.DELETE, "DELETE", { token, params: { datastreamId } })).status).toBe(204);
    expect((await callApi(thingRoute.GET, "GET", { token, params: { thingId: seeded.thing.id } })).json).toMatchObject({
      datastreamCount: 0,
    });
  });

  it("lets operators and auditors read only, answers 404 to other companies and to malformed ids", async () => {
    const seeded = await seedDatastream();
    const systemId = seeded.system.id;
    const datastreamId = seeded.datastream.id;
    const thingId = seeded.thing.id;
    for (const role of ["operator", "auditor"] as const) {
      const token = await seedToken(await seedMember(seeded.company.id, seeded.admin, role));
      expect((await callApi(systemDatastreamsRoute.GET, "GET", { token, params: { systemId } })).status, role).toBe(
        200,
      );
      expect((await callApi(datastreamRoute.GET, "GET", { token, params: { datastreamId } })).status, role).toBe(200);
      expect((await callApi(versionsRoute.GET, "GET", { token, params: { datastreamId } })).status, role).toBe(200);
      expect((await callApi(rejectedRoute.GET, "GET", { token, params: { datastreamId } })).status, role).toBe(200);
      const create = await callApi(systemThingsRoute.POST, "POST", {
        token,
        params: { systemId },
        body: { name: "X" },
      });
      expect(create.status, role).toBe(403);
      expect(create.json.detail).toBe(`Your role (${role}) may not change the twin's metadata`);
      const patch = await callApi(datastreamRoute.PATCH, "PATCH", {
        token,
        params: { datastreamId },
        body: { description: "x" },
      });
      expect(patch.status, role).toBe(403);
      expect((await callApi(thingRoute.DELETE, "DELETE", { token, params: { thingId } })).status, role).toBe(403);
      expect(
        (await callApi(sensorRoute.DELETE, "DELETE", { token, params: { sensorId: seeded.sensor.id } })).status,
        role,
      ).toBe(403);
    }

    const outsider = await seedToken(await seedUser());
    const calls = [
      callApi(systemThingsRoute.GET, "GET", { token: outsider, params: { systemId } }),
      callApi(systemThingsRoute.POST, "POST", { token: outsider, params: { systemId }, body: { name: "Intruder" } }),
      callApi(systemDatastreamsRoute.GET, "GET", { token: outsider, params: { systemId } }),
      callApi(thingRoute.GET, "GET", { token: outsider, params: { thingId } }),
      callApi(thingRoute.DELETE, "DELETE", { token: outsider, params: { thingId } }),
      callApi(sensorRoute.GET, "GET", { token: outsider, params: { sensorId: seeded.sensor.id } }),
      callApi(propertyRoute.GET, "GET", {
        token: outsider,
        params: { observedPropertyId: seeded.observedProperty.id },
      }),
      callApi(datastreamRoute.GET, "GET", { token: outsider, params: { datastreamId } }),
      callApi(datastreamRoute.PATCH, "PATCH", { token: outsider, params: { datastreamId }, body: { description: "" } }),
      callApi(versionsRoute.GET, "GET", { token: outsider, params: { datastreamId } }),
      callApi(rejectedRoute.GET, "GET", { token: outsider, params: { datastreamId } }),
      callApi(byNameRoute.GET, "GET", { token: outsider, query: { fullName: seeded.datastream.fullName } }),
    ];
    for (const response of await Promise.all(calls)) expect(response.status).toBe(404);

    const token = await seedToken(seeded.admin);
    for (const response of [
      await callApi(thingRoute.GET, "GET", { token, params: { thingId: "nope" } }),
      await callApi(sensorRoute.GET, "GET", { token, params: { sensorId: "1" } }),
      await callApi(propertyRoute.GET, "GET", { token, params: { observedPropertyId: "x" } }),
      await callApi(datastreamRoute.GET, "GET", { token, params: { datastreamId: "../x" } }),
      await callApi(systemThingsRoute.GET, "GET", { token, params: { systemId: "abc" } }),
      await callApi(rejectedRoute.GET, "GET", { token, params: { datastreamId: "abc" } }),
    ]) {
      expect(response.status).toBe(404);
    }
    // Still there.
    expect((await callApi(datastreamRoute.GET, "GET", { token, params: { datastreamId } })).json.description).toBe("");
  });

  it("refuses bad input with 422 naming the field and the rule", async () => {
    const seeded = await seedDatastream();
    const token = await seedToken(seeded.admin);
    const systemId = seeded.system.id;
    const badThing = await callApi(systemThingsRoute.POST, "POST", {
      token,
      params: { systemId },
      body: { name: "Main.Car", properties: [] },
    });
    expect(badThing.status).toBe(422);
    expect(badThing.json.errors).toEqual({
      name: ["Use 1–100 characters, no '.' or '*', no leading or trailing spaces"],
      properties: expect.any(Array),
    });
    const badSensor = await callApi(systemSensorsRoute.POST, "POST", {
      token,
      params: { systemId },
      body: { name: "" },
    });
    expect(badSensor.status).toBe(422);
    expect(Object.keys(badSensor.json.errors)).toEqual(["name"]);
    const badProperty = await callApi(systemPropertiesRoute.POST, "POST", {
      token,
      params: { systemId },
      body: { name: "ok", color: "red" },
    });
    expect(badProperty.status).toBe(422);

    const create = (body: Record<string, unknown>) =>
      callApi(systemDatastreamsRoute.POST, "POST", {
        token,
        params: { systemId },
        body: { thingId: seeded.thing.id, name: "Position", observationType: "Observation", ...body },
      });
    const noSchema = await create({});
    expect(noSchema.status).toBe(422);
    expect(noSchema.json.errors.resultSchema[0]).toMatch(/Required for observationType Observation/);
    const badSchema = await create({ resultSchema: { type: "nummber" } });
    expect(badSchema.status).toBe(422);
    expect(badSchema.json.errors.resultSchema[0]).toMatch(/schema is invalid/);
    const badType = await create({ observationType: "Float" });
    expect(badType.status).toBe(422);
    expect(badType.json.errors.observationType).toEqual(["One of Measurement, Count, Truth, Category, Observation"]);
    const good = await create({ resultSchema: positionSchema });
    expect(good.status).toBe(201);
    expect(good.json.resultSchema).toEqual(positionSchema);
    const taken = await create({ resultSchema: positionSchema });
    expect(taken.status).toBe(409);
    expect(taken.json.errors).toEqual({ name: ["This thing has a datastream of this name"] });

    const badQuery = await callApi(systemDatastreamsRoute.GET, "GET", {
      token,
      params: { systemId },
      query: { thingId: "x", sort: "secret" },
    });
    expect(badQuery.status).toBe(422);
    expect(Object.keys(badQuery.json.errors).sort()).toEqual(["sort", "thingId"]);
    const badPage = await callApi(rejectedRoute.GET, "GET", {
      token,
      params: { datastreamId: seeded.datastream.id },
      query: { pageSize: "1000" },
    });
    expect(badPage.status).toBe(422);
    expect(Object.keys(badPage.json.errors)).toEqual(["pageSize"]);
    const noName = await callApi(byNameRoute.GET, "GET", { token, query: {} });
    expect(noName.status).toBe(422);
    expect(Object.keys(noName.json.errors)).toEqual(["fullName"]);
  });

  it("lists a datastream's rejected records, newest first, with the count", async () => {
    const seeded = await seedClient(await seedSystem());
    const ds = await seedDatastream(seeded);
    const clientActor = await authenticateClient(seeded.client.principal, seeded.secret);
    if (!clientActor) throw new Error("client did not authenticate");
    await reportRejections({
      actor: clientActor,
      input: {
        rejections: [1, 2, 3].map((i) => ({
          reason: `'warm ${i}' is not a number`,
          raw: `{"result":"warm ${i}"}`,
          claimedName: ds.datastream.fullName,
          topic: `${seeded.system.name}.int`,
          partition: 1,
          offset: String(40 + i),
        })),
      },
    });
    const token = await seedToken(seeded.admin);
    const page = await callApi(rejectedRoute.GET, "GET", {
      token,
      params: { datastreamId: ds.datastream.id },
      query: { pageSize: "2" },
    });
    expect(page.status).toBe(200);
    expect(page.json).toMatchObject({ rejectedCount: 3, total: 3, pageCount: 2, page: 1 });
    expect(page.json.items[0]).toMatchObject({
      reason: expect.stringMatching(/is not a number/),
      reportedBy: seeded.client.principal,
      topic: `${seeded.system.name}.int`,
      partition: 1,
      offset: expect.stringMatching(/^4\d$/),
      sample: expect.stringMatching(/^\{"result":"warm \d"\}$/),
    });
    expect(Object.keys(page.json.items[0]).sort()).toEqual([
      "at",
      "claimedName",
      "id",
      "offset",
      "partition",
      "reason",
      "reportedBy",
      "sample",
      "topic",
    ]);
  });

  it("lets a client read and write its own system's metadata only, and is in the OpenAPI document", async () => {
    const mine = await seedClient();
    const basic = { principal: mine.client.principal, secret: mine.secret };
    const created = await callApi(systemThingsRoute.POST, "POST", {
      basic,
      params: { systemId: mine.system.id },
      body: { name: "FromClient" },
    });
    expect(created.status).toBe(201);
    expect((await callApi(systemThingsRoute.GET, "GET", { basic, params: { systemId: mine.system.id } })).status).toBe(
      200,
    );
    const sibling = await seedSystem({ company: mine.company, admin: mine.admin });
    const elsewhere = await callApi(systemThingsRoute.POST, "POST", {
      basic,
      params: { systemId: sibling.system.id },
      body: { name: "Elsewhere" },
    });
    expect(elsewhere.status).toBe(404);
    const siblingDs = await seedDatastream(sibling);
    expect(
      (await callApi(datastreamRoute.GET, "GET", { basic, params: { datastreamId: siblingDs.datastream.id } })).status,
    ).toBe(404);

    const doc = (await (await openapiRoute.GET()).json()) as {
      paths: Record<string, Record<string, { operationId: string; security: Record<string, unknown>[] }>>;
    };
    for (const [path, methods] of [
      ["/systems/{systemId}/things", ["get", "post"]],
      ["/things/{thingId}", ["delete", "get", "patch"]],
      ["/systems/{systemId}/sensors", ["get", "post"]],
      ["/sensors/{sensorId}", ["delete", "get", "patch"]],
      ["/systems/{systemId}/observed-properties", ["get", "post"]],
      ["/observed-properties/{observedPropertyId}", ["delete", "get", "patch"]],
      ["/systems/{systemId}/datastreams", ["get", "post"]],
      ["/datastreams", ["get"]],
      ["/datastreams/{datastreamId}", ["delete", "get", "patch"]],
      ["/datastreams/{datastreamId}/schema-versions", ["get"]],
      ["/datastreams/{datastreamId}/schema-versions/{version}", ["get"]],
      ["/datastreams/{datastreamId}/rejected-records", ["get"]],
    ] as const) {
      expect(Object.keys(doc.paths[path] ?? {}).sort(), path).toEqual([...methods]);
    }
    expect(doc.paths["/things/{thingId}"]?.get?.security).toContainEqual({ clientBasic: [] });
  });
});
