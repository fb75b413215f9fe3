import { describe, expect, it } from "vitest";
import { seedClient, seedDatastream, seedMember, seedSystem, seedThing } from "@/test/seed";
import { authenticateClient } from "../clients/authenticate-client";
import { db } from "../db/client";
import { createSensor } from "../sensors/create-sensor";
import { createThing } from "../things/create-thing";
import { createDatastream } from "./create-datastream";
import { datastreamDeletionImpact, deleteDatastream } from "./delete-datastream";
import { getDatastream, getDatastreamByFullName } from "./get-datastream";
import { getDatastreamSchemaVersion, listDatastreamSchemaVersions } from "./list-datastream-schema-versions";
import { listDatastreams } from "./list-datastreams";
import { updateDatastream } from "./update-datastream";

const positionSchema = {
  type: "object",
  properties: { lat: { type: "number" }, lon: { type: "number" } },
  required: ["lat", "lon"],
};

describe("datastreams", () => {
  it("are named system.thing.datastream and start at schema version 1", async () => {
    const seeded = await seedThing();
    const ds = await createDatastream({
      actor: seeded.admin.actor,
      systemId: seeded.system.id,
      input: {
        thingId: seeded.thing.id,
        name: "Air Temperature",
        observationType: "Measurement",
        unit: { name: "DegreeCelsius", symbol: "degC" },
      },
    });
    expect(ds).toMatchObject({
      fullName: `${seeded.system.name}.${seeded.thing.name}.Air Temperature`,
      schemaVersion: 1,
      unitName: "DegreeCelsius",
      unitSymbol: "degC",
      unitDefinition: "",
      resultSchema: null,
      sensor: null,
      thing: { id: seeded.thing.id, name: seeded.thing.name },
    });
    const versions = await listDatastreamSchemaVersions({ actor: seeded.admin.actor, datastreamId: ds.id });
    expect(versions).toMatchObject([{ version: 1, observationType: "Measurement", unitSymbol: "degC" }]);
    expect((await getDatastreamByFullName({ actor: seeded.admin.actor, fullName: ds.fullName })).id).toBe(ds.id);
    await expect(
      createDatastream({
        actor: seeded.admin.actor,
        systemId: seeded.system.id,
        input: { thingId: seeded.thing.id, name: "Air Temperature", observationType: "Count" },
      }),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("refuse bad input naming the field and the rule", async () => {
    const seeded = await seedThing();
    const other = await seedThing();
    const foreignSensor = await createSensor({
      actor: other.admin.actor,
      systemId: other.system.id,
      input: { name: "theirs" },
    });
    const create = (input: Record<string, unknown>) =>
      createDatastream({
        actor: seeded.admin.actor,
        systemId: seeded.system.id,
        input: { thingId: seeded.thing.id, name: "X", observationType: "Measurement", ...input } as never,
      });
    await expect(create({ name: "a.b" })).rejects.toMatchObject({
      fieldErrors: { name: [expect.stringMatching(/no '\.'/)] },
    });
    await expect(create({ observationType: "Float" })).rejects.toMatchObject({
      fieldErrors: { observationType: ["One of Measurement, Count, Truth, Category, Observation"] },
    });
    await expect(create({ observationType: "Observation" })).rejects.toMatchObject({
      fieldErrors: { resultSchema: [expect.stringMatching(/Required for observationType Observation/)] },
    });
    await expect(create({ resultSchema: positionSchema })).rejects.toMatchObject({
      fieldErrors: { resultSchema: [expect.stringMatching(/Only Observation datastreams/)] },
    });
    await expect(
      create({ observationType: "Observation", resultSchema: { type: "object", requried: ["x"] } }),
    ).rejects.toMatchObject({
      fieldErrors: { resultSchema: [expect.stringMatching(/unknown keyword: "requried"/)] },
    });
    await expect(create({ observationType: "Observation", resultSchema: { type: "nummber" } })).rejects.toMatchObject({
      fieldErrors: { resultSchema: [expect.stringMatching(/schema is invalid/)] },
    });
    await expect(
      create({ observationType: "Observation", resultSchema: { $schema: "http://json-schema.org/draft-04/schema#" } }),
    ).rejects.toMatchObject({
      fieldErrors: { resultSchema: [expect.stringMatching(/not supported: use draft 2020-12/)] },
    });
    await expect(create({ unit: { name: "C", sign: "x" } })).rejects.toMatchObject({
      fieldErrors: { unit: [expect.stringMatching(/Unrecognized key/)] },
    });
    await expect(create({ sensorId: foreignSensor.id })).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { sensorId: ["No such sensor in this system"] },
    });
    await expect(create({ thingId: other.thing.id })).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { thingId: ["No such thing in this system"] },
    });
    // Draft-07, declared, compiles too.
    const ok = await create({
      observationType: "Observation",
      resultSchema: { $schema: "http://json-schema.org/draft-07/schema#", ...positionSchema },
    });
    expect(ok.resultSchema).toMatchObject({ required: ["lat", "lon"] });
  });

  it("add a schema version when type, unit or schema change, not for a description; old versions stay", async () => {
    const seeded = await seedDatastream();
    const { admin } = seeded;
    const id = seeded.datastream.id;
    const v1 = await updateDatastream({ actor: admin.actor, datastreamId: id, input: { description: "only words" } });
    expect(v1).toMatchObject({ schemaVersion: 1, description: "only words" });
    const sameUnit = await updateDatastream({
      actor: admin.actor,
      datastreamId: id,
      input: { unit: { symbol: "degC" }, name: seeded.datastream.name },
    });
    expect(sameUnit.schemaVersion).toBe(1);
    const v2 = await updateDatastream({ actor: admin.actor, datastreamId: id, input: { unit: { symbol: "K" } } });
    expect(v2).toMatchObject({ schemaVersion: 2, unitName: "DegreeCelsius", unitSymbol: "K" });
    await expect(
      updateDatastream({ actor: admin.actor, datastreamId: id, input: { observationType: "Observation" } }),
    ).rejects.toMatchObject({ fieldErrors: { resultSchema: [expect.stringMatching(/Required/)] } });
    const v3 = await updateDatastream({
      actor: admin.actor,
      datastreamId: id,
      input: { observationType: "Observation", resultSchema: positionSchema },
    });
    expect(v3).toMatchObject({ schemaVersion: 3, observationType: "Observation" });
    // The same schema with its keys in another order is no change.
    const reordered = await updateDatastream({
      actor: admin.actor,
      datastreamId: id,
      input: { resultSchema: { required: ["lat", "lon"], properties: positionSchema.properties, type: "object" } },
    });
    expect(reordered.schemaVersion).toBe(3);
    const v4 = await updateDatastream({ actor: admin.actor, datastreamId: id, input: { observationType: "Count" } });
    expect(v4).toMatchObject({ schemaVersion: 4, observationType: "Count", resultSchema: null });
    const versions = await listDatastreamSchemaVersions({ actor: admin.actor, datastreamId: id });
    expect(versions.map((v) => [v.version, v.observationType, v.unitSymbol])).toEqual([
      [1, "Measurement", "degC"],
      [2, "Measurement", "K"],
      [3, "Observation", "K"],
      [4, "Count", "K"],
    ]);
    expect(versions[2]?.resultSchema).toEqual(positionSchema);
    expect((await getDatastreamSchemaVersion({ actor: admin.actor, datastreamId: id, version: 2 })).unitSymbol).toBe(
      "K",
    );
    await expect(
      getDatastreamSchemaVersion({ actor: admin.actor, datastreamId: id, version: 9 }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("cannot be renamed or moved to another thing, and say why", async () => {
    const seeded = await seedDatastream();
    const thing2 = await createThing({ actor: seeded.admin.actor, systemId: seeded.system.id, input: { name: "T2" } });
    await expect(
      updateDatastream({ actor: seeded.admin.actor, datastreamId: seeded.datastream.id, input: { name: "New" } }),
    ).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { name: [expect.stringMatching(/cannot change after creation.*Kafka message key/)] },
    });
    await expect(
      updateDatastream({
        actor: seeded.admin.actor,
        datastreamId: seeded.datastream.id,
        input: { thingId: thing2.id },
      }),
    ).rejects.toMatchObject({ code: "validation", fieldErrors: { thingId: [expect.stringMatching(/cannot move/)] } });
    const detached = await updateDatastream({
      actor: seeded.admin.actor,
      datastreamId: seeded.datastream.id,
      input: { sensorId: null },
    });
    expect(detached).toMatchObject({ sensorId: null, schemaVersion: 1 });
  });

  it("obey the roles and the tenant boundary; a client writes its own system's datastreams", async () => {
    const seeded = await seedDatastream();
    const engineer = await seedMember(seeded.company.id, seeded.admin, "engineer");
    const operator = await seedMember(seeded.company.id, seeded.admin, "operator");
    const auditor = await seedMember(seeded.company.id, seeded.admin, "auditor");
    const outsider = await seedSystem();
    const id = seeded.datastream.id;
    await updateDatastream({ actor: engineer.actor, datastreamId: id, input: { description: "eng" } });
    for (const reader of [operator, auditor]) {
      expect((await getDatastream({ actor: reader.actor, datastreamId: id })).description).toBe("eng");
      await expect(
        updateDatastream({ actor: reader.actor, datastreamId: id, input: { description: "x" } }),
      ).rejects.toMatchObject({ code: "forbidden" });
      await expect(deleteDatastream({ actor: reader.actor, datastreamId: id })).rejects.toMatchObject({
        code: "forbidden",
      });
    }
    for (const call of [
      () => getDatastream({ actor: outsider.admin.actor, datastreamId: id }),
      () => getDatastreamByFullName({ actor: outsider.admin.actor, fullName: seeded.datastream.fullName }),
      () => listDatastreamSchemaVersions({ actor: outsider.admin.actor, datastreamId: id }),
      () => listDatastreams({ actor: outsider.admin.actor, systemId: seeded.system.id, query: {} }),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: "not_found" });
    }
    const { client, secret } = await seedClient({
      company: seeded.company,
      admin: seeded.admin,
      system: seeded.system,
    });
    const clientActor = await authenticateClient(client.principal, secret);
    if (!clientActor) throw new Error("client did not authenticate");
    const byClient = await createDatastream({
      actor: clientActor,
      systemId: seeded.system.id,
      input: { thingId: seeded.thing.id, name: "FromClient", observationType: "Truth" },
    });
    expect(byClient.observationType).toBe("Truth");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: byClient.id } });
    expect(audit).toMatchObject({ actorType: "client", actorLabel: client.principal, action: "datastream.create" });
  });

  it("list with pagination, sort by thing, filters, and q over full name and unit", async () => {
    const seeded = await seedSystem();
    const { admin, system } = seeded;
    const a = await createThing({ actor: admin.actor, systemId: system.id, input: { name: "A" } });
    const b = await createThing({ actor: admin.actor, systemId: system.id, input: { name: "B" } });
    for (const [thing, name, type] of [
      [b, "speed", "Measurement"],
      [a, "temp", "Measurement"],
      [a, "count", "Count"],
    ] as const) {
      await createDatastream({
        actor: admin.actor,
        systemId: system.id,
        input: { thingId: thing.id, name, observationType: type, unit: { symbol: name === "speed" ? "km/h" : "" } },
      });
    }
    const byThing = await listDatastreams({ actor: admin.actor, systemId: system.id, query: { sort: "thing" } });
    expect(byThing.items.map((d) => `${d.thing.name}.${d.name}`)).toEqual(["A.count", "A.temp", "B.speed"]);
    const ofA = await listDatastreams({
      actor: admin.actor,
      systemId: system.id,
      query: { thingId: a.id, observationType: "Measurement" },
    });
    expect(ofA.items.map((d) => d.name)).toEqual(["temp"]);
    const unit = await listDatastreams({ actor: admin.actor, systemId: system.id, query: { q: "KM/H" } });
    expect(unit.items.map((d) => d.name)).toEqual(["speed"]);
    const page2 = await listDatastreams({
      actor: admin.actor,
      systemId: system.id,
      query: { pageSize: 2, page: 2, sort: "name", order: "desc" },
    });
    expect(page2).toMatchObject({ total: 3, pageCount: 2, page: 2 });
    expect(page2.items.map((d) => d.name)).toEqual(["count"]);
    await expect(
      listDatastreams({ actor: admin.actor, systemId: system.id, query: { thingId: "x" } }),
    ).rejects.toMatchObject({ code: "validation", fieldErrors: { thingId: ["Not an id"] } });
  });

  it("are deleted with their versions; the dialog says what goes", async () => {
    const seeded = await seedDatastream();
    await updateDatastream({
      actor: seeded.admin.actor,
      datastreamId: seeded.datastream.id,
      input: { observationType: "Count" },
    });
    const impact = await datastreamDeletionImpact({ actor: seeded.admin.actor, datastreamId: seeded.datastream.id });
    expect(impact).toEqual({ fullName: seeded.datastream.fullName, schemaVersions: 2, rejectedRecords: 0 });
    await deleteDatastream({ actor: seeded.admin.actor, datastreamId: seeded.datastream.id });
    expect(await db.datastreamSchemaVersion.count({ where: { datastreamId: seeded.datastream.id } })).toBe(0);
    await expect(
      getDatastream({ actor: seeded.admin.actor, datastreamId: seeded.datastream.id }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});
