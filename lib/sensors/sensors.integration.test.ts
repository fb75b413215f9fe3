import { describe, expect, it } from "vitest";
import { seedDatastream, seedMember, seedSystem } from "@/test/seed";
import { db } from "../db/client";
import { createObservedProperty } from "../observed-properties/create-observed-property";
import {
  deleteObservedProperty,
  observedPropertyDeletionImpact,
} from "../observed-properties/delete-observed-property";
import { getObservedProperty } from "../observed-properties/get-observed-property";
import { listObservedProperties } from "../observed-properties/list-observed-properties";
import { updateObservedProperty } from "../observed-properties/update-observed-property";
import { createSensor } from "./create-sensor";
import { deleteSensor, sensorDeletionImpact } from "./delete-sensor";
import { getSensor } from "./get-sensor";
import { listSensors } from "./list-sensors";
import { updateSensor } from "./update-sensor";

describe("sensors", () => {
  it("are named 1–200 characters, unique per system, and may be renamed", async () => {
    const { admin, system } = await seedSystem();
    const sensor = await createSensor({
      actor: admin.actor,
      systemId: system.id,
      input: {
        name: "PT100 temperature sensor",
        encodingType: "application/pdf",
        metadata: "http://example.test/pt100.pdf",
      },
    });
    expect(sensor).toMatchObject({ name: "PT100 temperature sensor", encodingType: "application/pdf" });
    await expect(
      createSensor({ actor: admin.actor, systemId: system.id, input: { name: "x".repeat(201) } }),
    ).rejects.toMatchObject({ code: "validation", fieldErrors: { name: [expect.stringMatching(/1–200 characters/)] } });
    await expect(
      createSensor({ actor: admin.actor, systemId: system.id, input: { name: "PT100 temperature sensor" } }),
    ).rejects.toMatchObject({ code: "conflict" });
    const other = await createSensor({ actor: admin.actor, systemId: system.id, input: { name: "GPS" } });
    await expect(
      updateSensor({ actor: admin.actor, sensorId: other.id, input: { name: "PT100 temperature sensor" } }),
    ).rejects.toMatchObject({ code: "conflict", fieldErrors: { name: ["This name is taken in this system"] } });
    const renamed = await updateSensor({ actor: admin.actor, sensorId: other.id, input: { name: "EM-506 GPS" } });
    expect(renamed).toMatchObject({ name: "EM-506 GPS", description: "" });
    const page = await listSensors({ actor: admin.actor, systemId: system.id, query: { q: "gps" } });
    expect(page.items.map((s) => s.name)).toEqual(["EM-506 GPS"]);
  });

  it("are detached from their datastreams when deleted, which the dialog counts", async () => {
    const seeded = await seedDatastream();
    const impact = await sensorDeletionImpact({ actor: seeded.admin.actor, sensorId: seeded.sensor.id });
    expect(impact).toEqual({ name: seeded.sensor.name, detachedDatastreams: 1 });
    expect(await deleteSensor({ actor: seeded.admin.actor, sensorId: seeded.sensor.id })).toEqual(impact);
    const ds = await db.datastream.findUniqueOrThrow({ where: { id: seeded.datastream.id } });
    expect(ds.sensorId).toBeNull();
    expect(ds.observedPropertyId).toBe(seeded.observedProperty.id);
  });

  it("obey the roles: engineers write, operators and auditors read, other companies see nothing", async () => {
    const seeded = await seedDatastream();
    const engineer = await seedMember(seeded.company.id, seeded.admin, "engineer");
    const operator = await seedMember(seeded.company.id, seeded.admin, "operator");
    const auditor = await seedMember(seeded.company.id, seeded.admin, "auditor");
    const outsider = await seedSystem();
    await updateSensor({ actor: engineer.actor, sensorId: seeded.sensor.id, input: { description: "by engineer" } });
    for (const reader of [operator, auditor]) {
      expect((await getSensor({ actor: reader.actor, sensorId: seeded.sensor.id })).description).toBe("by engineer");
      await expect(
        updateSensor({ actor: reader.actor, sensorId: seeded.sensor.id, input: { description: "x" } }),
      ).rejects.toMatchObject({ code: "forbidden" });
      await expect(sensorDeletionImpact({ actor: reader.actor, sensorId: seeded.sensor.id })).rejects.toMatchObject({
        code: "forbidden",
      });
    }
    await expect(getSensor({ actor: outsider.admin.actor, sensorId: seeded.sensor.id })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(deleteSensor({ actor: outsider.admin.actor, sensorId: seeded.sensor.id })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("observed properties", () => {
  it("are created, listed, renamed and deleted (detaching their datastreams)", async () => {
    const seeded = await seedDatastream();
    const { admin, system } = seeded;
    const temp = await createObservedProperty({
      actor: admin.actor,
      systemId: system.id,
      input: { name: "Air Temperature", definition: "http://www.qudt.org/qudt/owl/1.0.0/quantity/Instances.html" },
    });
    await expect(
      createObservedProperty({ actor: admin.actor, systemId: system.id, input: { name: "Air Temperature" } }),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(
      createObservedProperty({ actor: admin.actor, systemId: system.id, input: { name: "" } }),
    ).rejects.toMatchObject({ code: "validation", fieldErrors: { name: expect.any(Array) } });
    const page = await listObservedProperties({
      actor: admin.actor,
      systemId: system.id,
      query: { sort: "name", order: "asc" },
    });
    expect(page.items.map((p) => p.name)).toEqual(["Air Temperature", seeded.observedProperty.name]);
    const renamed = await updateObservedProperty({
      actor: admin.actor,
      observedPropertyId: temp.id,
      input: { name: "Temperature" },
    });
    expect(renamed.definition).toBe(temp.definition);
    expect(
      (await getObservedProperty({ actor: admin.actor, observedPropertyId: seeded.observedProperty.id }))._count
        .datastreams,
    ).toBe(1);
    const impact = await observedPropertyDeletionImpact({
      actor: admin.actor,
      observedPropertyId: seeded.observedProperty.id,
    });
    expect(impact.detachedDatastreams).toBe(1);
    await deleteObservedProperty({ actor: admin.actor, observedPropertyId: seeded.observedProperty.id });
    expect((await db.datastream.findUniqueOrThrow({ where: { id: seeded.datastream.id } })).observedPropertyId).toBe(
      null,
    );
    const outsider = await seedSystem();
    await expect(
      getObservedProperty({ actor: outsider.admin.actor, observedPropertyId: temp.id }),
    ).rejects.toMatchObject({ code: "not_found" });
    const auditor = await seedMember(seeded.company.id, admin, "auditor");
    await expect(
      createObservedProperty({ actor: auditor.actor, systemId: system.id, input: { name: "N" } }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const actions = await db.auditEvent.findMany({
      where: { companyId: seeded.company.id, targetType: "observedProperty" },
      orderBy: { at: "asc" },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual([
      "observedProperty.create",
      "observedProperty.create",
      "observedProperty.update",
      "observedProperty.delete",
    ]);
  });
});
