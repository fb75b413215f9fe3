import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { largeRheiDocument } from "@/test/metadata-documents";
import { seedClient, seedMember, seedSystem } from "@/test/seed";
import { authenticateClient } from "../clients/authenticate-client";
import { listDatastreamSchemaVersions } from "../datastreams/list-datastream-schema-versions";
import { updateDatastream } from "../datastreams/update-datastream";
import { db } from "../db/client";
import { applyImport } from "./apply-import";
import { exportMetadata } from "./export-metadata";
import { planImport } from "./plan-import";

const demo = {
  Car1: "CarFleet/Car1",
  Car2: "CarFleet/Car2",
  Station1: "WeatherService/demo_station_1",
  Station2: "WeatherService/demo_station_2",
  Forecast: "WeatherService/forecast_service",
};
const instances = (dir: string) =>
  readFileSync(path.join(import.meta.dirname, "../../data/panta-rhei", dir, "instances.json"), "utf8");

async function counts(systemId: string) {
  const where = { systemId };
  return {
    things: await db.thing.count({ where }),
    sensors: await db.sensor.count({ where }),
    observedProperties: await db.observedProperty.count({ where }),
    datastreams: await db.datastream.count({ where }),
  };
}

describe("importing the reference platform's instances.json", () => {
  it("imports all five demo files unchanged; Car1 gives 1 thing, 3 sensors, 5 datastreams", async () => {
    const expected = {
      Car1: { things: 1, sensors: 3, observedProperties: 5, datastreams: 5 },
      Car2: { things: 1, sensors: 3, observedProperties: 5, datastreams: 5 },
      Station1: { things: 1, sensors: 1, observedProperties: 1, datastreams: 1 },
      Station2: { things: 1, sensors: 1, observedProperties: 1, datastreams: 1 },
      Forecast: { things: 0, sensors: 0, observedProperties: 0, datastreams: 0 },
    };
    const seeded = await seedSystem();
    for (const [label, dir] of Object.entries(demo)) {
      const { system } = await seedSystem({ company: seeded.company, admin: seeded.admin });
      const plan = await applyImport({ actor: seeded.admin.actor, systemId: system.id, source: instances(dir) });
      expect(plan.errors, label).toEqual([]);
      expect(await counts(system.id), label).toEqual(expected[label as keyof typeof expected]);
      if (label === "Car1") {
        expect(plan.datastreamKeys?.temperature).toBe(`${system.name}.Main.Air Temperature`);
        const ds = await db.datastream.findUniqueOrThrow({
          where: { fullName: `${system.name}.Main.Acceleration` },
          include: { sensor: true, observedProperty: true, schemaVersions: true },
        });
        expect(ds).toMatchObject({
          observationType: "Measurement",
          unitName: "MeterPerSecondSquared",
          unitSymbol: "m s^-2",
          schemaVersion: 1,
          sensor: { name: "KAS901-04A acceleration sensor", encodingType: "application/pdf" },
          observedProperty: { name: "Maximum Acceleration" },
          schemaVersions: [{ version: 1, observationType: "Measurement" }],
        });
        const audit = await db.auditEvent.groupBy({
          by: ["action"],
          where: {
            companyId: seeded.company.id,
            targetLabel: { startsWith: system.name },
            action: { not: "system.create" },
          },
          _count: true,
        });
        expect(Object.fromEntries(audit.map((a) => [a.action, a._count]))).toEqual({
          "thing.create": 1,
          "sensor.create": 3,
          "observedProperty.create": 5,
          "datastream.create": 5,
          "metadata.import": 1,
        });
      }
    }
  });

  it("is idempotent: the second import plans and changes nothing", async () => {
    const { admin, system } = await seedSystem();
    const first = await applyImport({ actor: admin.actor, systemId: system.id, source: instances(demo.Car1) });
    expect(first.summary.datastream).toEqual({ create: 5, update: 0, unchanged: 0 });
    const auditBefore = await db.auditEvent.count({ where: { targetLabel: { startsWith: system.name } } });
    const updatedAt = (await db.datastream.findMany({ where: { systemId: system.id }, select: { updatedAt: true } }))
      .map((d) => d.updatedAt.getTime())
      .sort();
    const plan = await planImport({ actor: admin.actor, systemId: system.id, source: instances(demo.Car1) });
    expect(plan.items.every((i) => i.action === "unchanged")).toBe(true);
    const second = await applyImport({ actor: admin.actor, systemId: system.id, source: instances(demo.Car1) });
    expect(second.summary).toEqual({
      thing: { create: 0, update: 0, unchanged: 1 },
      sensor: { create: 0, update: 0, unchanged: 3 },
      observedProperty: { create: 0, update: 0, unchanged: 5 },
      datastream: { create: 0, update: 0, unchanged: 5 },
    });
    expect(await counts(system.id)).toEqual({ things: 1, sensors: 3, observedProperties: 5, datastreams: 5 });
    // Only the import's own summary event is new; no row was touched.
    expect(await db.auditEvent.count({ where: { targetLabel: { startsWith: system.name } } })).toBe(auditBefore + 1);
    expect(
      (await db.datastream.findMany({ where: { systemId: system.id }, select: { updatedAt: true } }))
        .map((d) => d.updatedAt.getTime())
        .sort(),
    ).toEqual(updatedAt);
  });

  it("plans updates with the changed fields, and a type change adds a schema version", async () => {
    const { admin, system } = await seedSystem();
    await applyImport({ actor: admin.actor, systemId: system.id, source: instances(demo.Car1) });
    const changed = JSON.parse(instances(demo.Car1));
    changed.Datastreams.temperature.description = "Now in kelvin";
    changed.Datastreams.temperature.unitOfMeasurement.symbol = "K";
    changed.Datastreams.acceleration.description = "Only words";
    changed.Things.car.properties = { specification: "v2" };
    const before = await counts(system.id);
    const plan = await planImport({ actor: admin.actor, systemId: system.id, source: changed });
    expect(await counts(system.id)).toEqual(before);
    expect(plan.items.filter((i) => i.action !== "unchanged")).toEqual([
      {
        kind: "thing",
        name: "Main",
        action: "update",
        at: "Things.car",
        changes: [{ field: "properties", from: { specification: expect.any(String) }, to: { specification: "v2" } }],
      },
      {
        kind: "datastream",
        name: "Main.Air Temperature",
        action: "update",
        at: "Datastreams.temperature",
        schemaVersion: 2,
        changes: [
          { field: "description", from: "Air temperature measured in the connected car 1", to: "Now in kelvin" },
          { field: "unit.symbol", from: "degC", to: "K" },
        ],
      },
      {
        kind: "datastream",
        name: "Main.Acceleration",
        action: "update",
        at: "Datastreams.acceleration",
        changes: [{ field: "description", from: expect.any(String), to: "Only words" }],
      },
    ]);
    await applyImport({ actor: admin.actor, systemId: system.id, source: changed });
    const temperature = await db.datastream.findUniqueOrThrow({
      where: { fullName: `${system.name}.Main.Air Temperature` },
    });
    const versions = await listDatastreamSchemaVersions({ actor: admin.actor, datastreamId: temperature.id });
    expect(versions.map((v) => [v.version, v.unitSymbol])).toEqual([
      [1, "degC"],
      [2, "K"],
    ]);
    const acceleration = await db.datastream.findUniqueOrThrow({
      where: { fullName: `${system.name}.Main.Acceleration` },
    });
    expect(acceleration).toMatchObject({ schemaVersion: 1, description: "Only words" });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { targetId: temperature.id, action: "datastream.update" },
    });
    expect(audit).toMatchObject({
      before: { description: expect.any(String), "unit.symbol": "degC" },
      after: { "unit.symbol": "K" },
    });
  });

  it("refuses a malformed file, naming the path and the rule, and changes nothing", async () => {
    const { admin, system } = await seedSystem();
    const broken = JSON.parse(instances(demo.Car1));
    broken.Datastreams.temperature.Thing = "truck";
    broken.Datastreams.acceleration.observationType = "OM_Float";
    broken.Sensors["GPS-sensor"].name = "";
    const plan = await planImport({ actor: admin.actor, systemId: system.id, source: broken });
    expect(plan.errors.map((e) => e.path)).toEqual([
      "Sensors.GPS-sensor.name",
      "Datastreams.temperature.Thing",
      "Datastreams.acceleration.observationType",
      // Its sensor failed to parse, so these two name a sensor that is not there.
      "Datastreams.GPS-position-latitude.Sensor",
      "Datastreams.GPS-position-longitude.Sensor",
      "Datastreams.GPS-position-attitude.Sensor",
    ]);
    await expect(applyImport({ actor: admin.actor, systemId: system.id, source: broken })).rejects.toMatchObject({
      code: "validation",
      message: expect.stringMatching(/^Import refused, 6 problems: Sensors\.GPS-sensor\.name: /),
      fieldErrors: {
        "Datastreams.temperature.Thing": ['No entry "truck" in Things (a datastream names its thing by key)'],
      },
    });
    await expect(
      applyImport({ actor: admin.actor, systemId: system.id, source: "Things: [unclosed" }),
    ).rejects.toMatchObject({ code: "validation", message: expect.stringMatching(/Not valid YAML at line 1/) });
    await expect(
      applyImport({ actor: admin.actor, systemId: system.id, source: "{}", format: "xml" as never }),
    ).rejects.toMatchObject({ code: "validation" });
    expect(await counts(system.id)).toEqual({ things: 0, sensors: 0, observedProperties: 0, datastreams: 0 });
  });

  it("lets engineers and the system's own clients import; auditors, operators and other companies cannot", async () => {
    const seeded = await seedSystem();
    const engineer = await seedMember(seeded.company.id, seeded.admin, "engineer");
    const operator = await seedMember(seeded.company.id, seeded.admin, "operator");
    const auditor = await seedMember(seeded.company.id, seeded.admin, "auditor");
    const outsider = await seedSystem();
    const source = instances(demo.Station1);
    for (const who of [operator, auditor]) {
      await expect(planImport({ actor: who.actor, systemId: seeded.system.id, source })).rejects.toMatchObject({
        code: "forbidden",
      });
      await expect(applyImport({ actor: who.actor, systemId: seeded.system.id, source })).rejects.toMatchObject({
        code: "forbidden",
      });
      // Reading (export) is everyone's.
      expect(
        (await exportMetadata({ actor: who.actor, systemId: seeded.system.id, format: "rhei-yaml" })).content,
      ).toBe("rhei: 1\nthings: []\nsensors: []\nobservedProperties: []\ndatastreams: []\n");
    }
    for (const call of [
      () => applyImport({ actor: outsider.admin.actor, systemId: seeded.system.id, source }),
      () => exportMetadata({ actor: outsider.admin.actor, systemId: seeded.system.id, format: "reference" }),
      () => planImport({ actor: seeded.admin.actor, systemId: "nope", source }),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: "not_found" });
    }
    const fromEngineer = await applyImport({ actor: engineer.actor, systemId: seeded.system.id, source });
    expect(fromEngineer.summary.datastream.create).toBe(1);

    const { client, secret } = await seedClient(seeded);
    const clientActor = await authenticateClient(client.principal, secret);
    if (!clientActor) throw new Error("client did not authenticate");
    const fromClient = await applyImport({
      actor: clientActor,
      systemId: seeded.system.id,
      source: JSON.parse(instances(demo.Car1)),
    });
    expect(fromClient.summary.datastream.create).toBe(5);
    const other = await seedSystem({ company: seeded.company, admin: seeded.admin });
    await expect(applyImport({ actor: clientActor, systemId: other.system.id, source })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("exporting", () => {
  it("round-trips: export → import into an empty system → export gives the same document, in each format", async () => {
    const seeded = await seedSystem();
    const { admin, system } = seeded;
    await applyImport({ actor: admin.actor, systemId: system.id, source: instances(demo.Car1) });
    // Something the reference format cannot express without Rhei's extension: an Observation with a schema.
    await applyImport({
      actor: admin.actor,
      systemId: system.id,
      source: `rhei: 1
things:
  - name: Trailer
    properties: { axles: 2, load: { max: 12.5, unit: t } }
observedProperties:
  - name: Unused
datastreams:
  - thing: Trailer
    name: Position
    observationType: Observation
    resultSchema: { type: object, required: [lat, lon], properties: { lon: { type: number }, lat: { type: number } } }
  - thing: Main
    name: Doors open
    observationType: Truth
`,
    });
    const temperature = await db.datastream.findUniqueOrThrow({
      where: { fullName: `${system.name}.Main.Air Temperature` },
    });
    await updateDatastream({ actor: admin.actor, datastreamId: temperature.id, input: { unit: { symbol: "K" } } });

    for (const format of ["rhei-yaml", "rhei-json", "reference"] as const) {
      const first = await exportMetadata({ actor: admin.actor, systemId: system.id, format });
      const empty = await seedSystem(seeded);
      const imported = await applyImport({ actor: admin.actor, systemId: empty.system.id, source: first.content });
      expect(imported.errors, format).toEqual([]);
      const second = await exportMetadata({ actor: admin.actor, systemId: empty.system.id, format });
      expect(second.content, format).toBe(first.content);
      expect(second.filename).toBe(`${empty.system.name}.${first.extension}`);
      if (format === "reference") {
        expect(first.warnings).toEqual([
          'The observed property "Unused" is used by no datastream: the reference format cannot hold it',
        ]);
      } else {
        expect(await counts(empty.system.id)).toEqual(await counts(system.id));
      }
    }
    const yaml = await exportMetadata({ actor: admin.actor, systemId: system.id, format: "rhei-yaml" });
    expect(yaml.content).toContain("  - thing: Main\n    name: Air Temperature\n");
    expect(yaml.content.indexOf("  - thing: Main\n    name: Acceleration\n")).toBeLessThan(
      yaml.content.indexOf("  - thing: Main\n    name: Air Temperature\n"),
    );
    expect(yaml.contentType).toBe("application/yaml");
  });
});

describe("large imports", () => {
  it("import 1,200 datastreams once, however often or concurrently the file is applied", async () => {
    const { admin, system } = await seedSystem();
    const document = largeRheiDocument({ datastreams: 1200, perThing: 40 });
    // YAML with anchors: the shared result schema is written once and aliased, as people do by hand.
    const text = YAML.stringify(document);
    expect(text).toMatch(/resultSchema: \*a1/);
    // Twice at the same time into an empty system: one waits for the other, which then finds everything there.
    const [first, second] = await Promise.all([
      applyImport({ actor: admin.actor, systemId: system.id, source: text }),
      applyImport({ actor: admin.actor, systemId: system.id, source: document }),
    ]);
    const creates = [first, second].find((p) => p.summary.datastream.create > 0);
    const noops = [first, second].find((p) => p.summary.datastream.create === 0);
    expect(creates?.summary).toEqual({
      thing: { create: 30, update: 0, unchanged: 0 },
      sensor: { create: 20, update: 0, unchanged: 0 },
      observedProperty: { create: 30, update: 0, unchanged: 0 },
      datastream: { create: 1200, update: 0, unchanged: 0 },
    });
    expect(noops?.summary.datastream).toEqual({ create: 0, update: 0, unchanged: 1200 });
    const expected = { things: 30, sensors: 20, observedProperties: 30, datastreams: 1200 };
    expect(await counts(system.id)).toEqual(expected);
    expect(await db.datastreamSchemaVersion.count({ where: { datastream: { systemId: system.id } } })).toBe(1200);
    // Every datastream got its own sensor and property by name (datastream 1199: sensor 1199 % 20, property % 30).
    const sample = await db.datastream.findUniqueOrThrow({
      where: { fullName: `${system.name}.Machine-0029.Channel 39` },
      include: { sensor: true, observedProperty: true },
    });
    expect(sample).toMatchObject({ sensor: { name: "Sensor model 19" }, observedProperty: { name: "Quantity 29" } });

    const again = await applyImport({ actor: admin.actor, systemId: system.id, source: text });
    expect(again.summary.datastream).toEqual({ create: 0, update: 0, unchanged: 1200 });
    expect(await counts(system.id)).toEqual(expected);

    // A changed and a new datastream among 1,200 unchanged.
    const edited = largeRheiDocument({ datastreams: 1201, perThing: 40 });
    const target = edited.datastreams[7];
    if (target) target.description = "edited";
    const plan = await planImport({ actor: admin.actor, systemId: system.id, source: edited });
    expect(plan.summary.datastream).toEqual({ create: 1, update: 1, unchanged: 1199 });
    expect(plan.summary.thing).toEqual({ create: 1, update: 0, unchanged: 30 });
  }, 120_000);
});
