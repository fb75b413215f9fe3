import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import * as openapiRoute from "@/app/api/v1/openapi.json/route";
import * as importRoute from "@/app/api/v1/systems/[systemId]/metadata/import/route";
import * as exportRoute from "@/app/api/v1/systems/[systemId]/metadata/route";
import { callApi } from "@/test/call-api";
import { largeRheiDocument } from "@/test/metadata-documents";
import { seedClient, seedMember, seedSystem, seedToken, seedUser } from "@/test/seed";
import { db } from "../db/client";

const car1 = readFileSync(new URL("../../data/panta-rhei/CarFleet/Car1/instances.json", import.meta.url), "utf8");

const yamlDoc = `rhei: 1
things:
  - name: Main
sensors:
  - name: PT100
datastreams:
  - thing: Main
    name: Air Temperature
    observationType: Measurement
    sensor: PT100
    unit: { name: DegreeCelsius, symbol: degC }
`;

describe("REST API: metadata import and export", () => {
  it("plans, imports idempotently, and exports the reference instances.json of Car1", async () => {
    const seeded = await seedSystem();
    const engineer = await seedMember(seeded.company.id, seeded.admin, "engineer");
    const token = await seedToken(engineer);
    const params = { systemId: seeded.system.id };

    const plan = await callApi(importRoute.POST, "POST", { token, params, query: { dryRun: "true" }, body: car1 });
    expect(plan.status).toBe(200);
    expect(plan.json).toMatchObject({
      format: "reference",
      applied: false,
      systemName: seeded.system.name,
      summary: {
        thing: { create: 1, update: 0, unchanged: 0 },
        sensor: { create: 3, update: 0, unchanged: 0 },
        datastream: { create: 5, update: 0, unchanged: 0 },
      },
      errors: [],
      datastreamKeys: { temperature: `${seeded.system.name}.Main.Air Temperature` },
    });
    expect(await db.thing.count({ where: { systemId: seeded.system.id } })).toBe(0);

    const applied = await callApi(importRoute.POST, "POST", { token, params, body: car1 });
    expect(applied.status).toBe(200);
    expect(applied.json).toMatchObject({ applied: true, summary: { datastream: { create: 5 } } });
    expect(await db.datastream.count({ where: { systemId: seeded.system.id } })).toBe(5);

    const again = await callApi(importRoute.POST, "POST", { token, params, query: { dryRun: "false" }, body: car1 });
    expect(again.json.summary).toMatchObject({
      thing: { create: 0, update: 0, unchanged: 1 },
      sensor: { create: 0, update: 0, unchanged: 3 },
      datastream: { create: 0, update: 0, unchanged: 5 },
    });
    expect(await db.datastream.count({ where: { systemId: seeded.system.id } })).toBe(5);

    // A changed unit shows as an update with the field, old and new value, and the schema version it makes.
    const changed = JSON.parse(car1);
    changed.Datastreams.temperature.unitOfMeasurement.symbol = "K";
    const update = await callApi(importRoute.POST, "POST", {
      token,
      params,
      query: { dryRun: "true" },
      body: changed,
    });
    expect(update.json.items).toContainEqual(
      expect.objectContaining({
        kind: "datastream",
        name: "Main.Air Temperature",
        action: "update",
        changes: [{ field: "unit.symbol", from: "degC", to: "K" }],
        schemaVersion: 2,
      }),
    );

    const exported = await callApi(exportRoute.GET, "GET", { token, params, query: { format: "reference" } });
    expect(exported.status).toBe(200);
    expect(exported.contentType).toMatch(/^application\/json/);
    expect(exported.headers.get("content-disposition")).toBe(
      `attachment; filename="${seeded.system.name}.instances.json"`,
    );
    const document = JSON.parse(exported.text);
    expect(Object.keys(document.Datastreams)).toHaveLength(5);
    expect(document.Datastreams["Air Temperature"]).toMatchObject({
      Thing: "Main",
      unitOfMeasurement: { symbol: "degC" },
    });
  });

  it("takes Rhei YAML as application/yaml, exports it byte for byte, and Rhei JSON too", async () => {
    const seeded = await seedSystem();
    const token = await seedToken(seeded.admin);
    const params = { systemId: seeded.system.id };
    const imported = await callApi(importRoute.POST, "POST", {
      token,
      params,
      headers: { "content-type": "application/yaml" },
      body: yamlDoc,
    });
    expect(imported.status).toBe(200);
    expect(imported.json).toMatchObject({ format: "rhei", summary: { datastream: { create: 1 } } });

    const yaml = await callApi(exportRoute.GET, "GET", { token, params });
    expect(yaml.status).toBe(200);
    expect(yaml.contentType).toMatch(/^application\/yaml/);
    expect(yaml.headers.get("content-disposition")).toBe(`attachment; filename="${seeded.system.name}.rhei.yaml"`);
    expect(YAML.parse(yaml.text)).toMatchObject({
      rhei: 1,
      datastreams: [{ thing: "Main", name: "Air Temperature", unit: { symbol: "degC" } }],
    });
    // The export imports back as "unchanged".
    const roundTrip = await callApi(importRoute.POST, "POST", {
      token,
      params,
      query: { dryRun: "true" },
      headers: { "content-type": "application/yaml; charset=utf-8" },
      body: yaml.text,
    });
    expect(roundTrip.json.summary.datastream).toEqual({ create: 0, update: 0, unchanged: 1 });
    const json = await callApi(exportRoute.GET, "GET", { token, params, query: { format: "rhei-json" } });
    expect(json.json).toMatchObject({ rhei: 1, things: [{ name: "Main" }] });
  });

  it("shows errors with their paths in the plan and refuses to apply them", async () => {
    const seeded = await seedSystem();
    const token = await seedToken(seeded.admin);
    const params = { systemId: seeded.system.id };
    const bad = JSON.parse(car1);
    bad.Datastreams.temperature.Thing = "nowhere";
    bad.Datastreams.acceleration.observationType = "Float";
    const plan = await callApi(importRoute.POST, "POST", { token, params, query: { dryRun: "true" }, body: bad });
    expect(plan.status).toBe(200);
    expect(plan.json.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      "Datastreams.acceleration.observationType",
      "Datastreams.temperature.Thing",
    ]);
    const refused = await callApi(importRoute.POST, "POST", { token, params, body: bad });
    expect(refused.status).toBe(422);
    expect(Object.keys(refused.json.errors).sort()).toEqual([
      "Datastreams.acceleration.observationType",
      "Datastreams.temperature.Thing",
    ]);
    expect(await db.thing.count({ where: { systemId: seeded.system.id } })).toBe(0);

    const notYaml = await callApi(importRoute.POST, "POST", {
      token,
      params,
      query: { dryRun: "true" },
      headers: { "content-type": "application/yaml" },
      body: "rhei: 1\nthings: [\n",
    });
    expect(notYaml.json.errors[0].message).toMatch(/^Not valid YAML at line \d+, column \d+/);
    const wrongType = await callApi(importRoute.POST, "POST", {
      token,
      params,
      headers: { "content-type": "application/xml" },
      body: "<Things/>",
    });
    expect(wrongType.status).toBe(422);
    expect(wrongType.json.detail).toMatch(/^Send the body as one of application\/json, application\/yaml/);
    const badQuery = await callApi(importRoute.POST, "POST", {
      token,
      params,
      query: { dryRun: "maybe", format: "csv" },
      body: car1,
    });
    expect(badQuery.status).toBe(422);
    expect(Object.keys(badQuery.json.errors).sort()).toEqual(["dryRun", "format"]);
    const badExport = await callApi(exportRoute.GET, "GET", { token, params, query: { format: "xml" } });
    expect(badExport.status).toBe(422);
    expect(badExport.json.errors).toEqual({ format: ["One of rhei-yaml, rhei-json, reference"] });
  });

  it("lets readers export but not import; other companies and malformed ids get 404", async () => {
    const seeded = await seedSystem();
    const params = { systemId: seeded.system.id };
    for (const role of ["operator", "auditor"] as const) {
      const token = await seedToken(await seedMember(seeded.company.id, seeded.admin, role));
      expect((await callApi(exportRoute.GET, "GET", { token, params })).status, role).toBe(200);
      const plan = await callApi(importRoute.POST, "POST", { token, params, query: { dryRun: "true" }, body: car1 });
      expect(plan.status, role).toBe(403);
      expect((await callApi(importRoute.POST, "POST", { token, params, body: car1 })).status, role).toBe(403);
    }
    const outsider = await seedToken(await seedUser());
    expect((await callApi(exportRoute.GET, "GET", { token: outsider, params })).status).toBe(404);
    expect(
      (await callApi(importRoute.POST, "POST", { token: outsider, params, query: { dryRun: "true" }, body: car1 }))
        .status,
    ).toBe(404);
    const admin = await seedToken(seeded.admin);
    expect((await callApi(exportRoute.GET, "GET", { token: admin, params: { systemId: "x" } })).status).toBe(404);
    expect(
      (await callApi(importRoute.POST, "POST", { token: admin, params: { systemId: "x" }, body: car1 })).status,
    ).toBe(404);
  });

  it("lets a client import into its own system only, and takes a large file", async () => {
    const mine = await seedClient();
    const basic = { principal: mine.client.principal, secret: mine.secret };
    const own = await callApi(importRoute.POST, "POST", { basic, params: { systemId: mine.system.id }, body: car1 });
    expect(own.status).toBe(200);
    const sibling = await seedSystem({ company: mine.company, admin: mine.admin });
    const elsewhere = await callApi(importRoute.POST, "POST", {
      basic,
      params: { systemId: sibling.system.id },
      body: car1,
    });
    expect(elsewhere.status).toBe(404);

    // Past the 1 MiB default of other endpoints: 6,000 datastreams as YAML.
    const token = await seedToken(mine.admin);
    const big = YAML.stringify(largeRheiDocument({ datastreams: 6000 }));
    expect(Buffer.byteLength(big)).toBeGreaterThan(1024 * 1024);
    const planned = await callApi(importRoute.POST, "POST", {
      token,
      params: { systemId: sibling.system.id },
      query: { dryRun: "true" },
      headers: { "content-type": "application/yaml" },
      body: big,
    });
    expect(planned.status).toBe(200);
    expect(planned.json.summary.datastream.create).toBe(6000);

    const doc = (await (await openapiRoute.GET()).json()) as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>>;
    };
    expect(Object.keys(doc.paths["/systems/{systemId}/metadata/import"]?.post?.requestBody?.content ?? {})).toContain(
      "application/yaml",
    );
    expect(Object.keys(doc.paths["/systems/{systemId}/metadata"] ?? {})).toEqual(["get"]);
  });
});
