import { describe, expect, it } from "vitest";
import { seedClient, seedDatastream, seedMember, seedSystem, seedThing } from "@/test/seed";
import { authenticateClient } from "../clients/authenticate-client";
import { createDatastream } from "../datastreams/create-datastream";
import { db } from "../db/client";
import { createThing } from "./create-thing";
import { deleteThing, thingDeletionImpact } from "./delete-thing";
import { getThing } from "./get-thing";
import { listThings } from "./list-things";
import { updateThing } from "./update-thing";

describe("things", () => {
  it("are created with a name that is a level of the full name, unique in their system", async () => {
    const { admin, system } = await seedSystem();
    const thing = await createThing({
      actor: admin.actor,
      systemId: system.id,
      input: { name: "Main", description: "The car", properties: { specification: "https://example.test/x" } },
    });
    expect(thing).toMatchObject({ name: "Main", properties: { specification: "https://example.test/x" } });
    await expect(
      createThing({ actor: admin.actor, systemId: system.id, input: { name: "Main" } }),
    ).rejects.toMatchObject({ code: "conflict", fieldErrors: { name: ["This name is taken in this system"] } });
    for (const name of ["Main.Car", "Main*", " Main", ""]) {
      await expect(createThing({ actor: admin.actor, systemId: system.id, input: { name } })).rejects.toMatchObject({
        code: "validation",
        fieldErrors: { name: expect.arrayContaining([expect.stringMatching(/no '\.' or '\*'/)]) },
      });
    }
    await expect(
      createThing({ actor: admin.actor, systemId: system.id, input: { name: "X", properties: [] as never } }),
    ).rejects.toMatchObject({ code: "validation", fieldErrors: { properties: expect.any(Array) } });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: thing.id } });
    expect(audit).toMatchObject({ action: "thing.create", targetLabel: `${system.name}.Main` });
  });

  it("cannot be renamed, with a message that says why; description and properties change", async () => {
    const { admin, thing } = await seedThing();
    await expect(
      updateThing({ actor: admin.actor, thingId: thing.id, input: { name: "Other" } }),
    ).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { name: [expect.stringMatching(/cannot change after creation.*Kafka message key/)] },
    });
    const updated = await updateThing({
      actor: admin.actor,
      thingId: thing.id,
      input: { name: thing.name, properties: { a: 1 } },
    });
    // Only the fields given change: the description stays.
    expect(updated).toMatchObject({ name: thing.name, description: "seeded", properties: { a: 1 } });
  });

  it("are written by admins, engineers and the system's own clients; read by everyone in the company only", async () => {
    const seeded = await seedSystem();
    const engineer = await seedMember(seeded.company.id, seeded.admin, "engineer");
    const operator = await seedMember(seeded.company.id, seeded.admin, "operator");
    const auditor = await seedMember(seeded.company.id, seeded.admin, "auditor");
    const outsider = await seedSystem();
    const thing = await createThing({ actor: engineer.actor, systemId: seeded.system.id, input: { name: "Main" } });
    for (const reader of [operator, auditor]) {
      expect((await getThing({ actor: reader.actor, thingId: thing.id })).id).toBe(thing.id);
      await expect(
        createThing({ actor: reader.actor, systemId: seeded.system.id, input: { name: "Nope" } }),
      ).rejects.toMatchObject({ code: "forbidden" });
      await expect(
        updateThing({ actor: reader.actor, thingId: thing.id, input: { description: "x" } }),
      ).rejects.toMatchObject({ code: "forbidden" });
      await expect(deleteThing({ actor: reader.actor, thingId: thing.id })).rejects.toMatchObject({
        code: "forbidden",
      });
    }
    await expect(getThing({ actor: outsider.admin.actor, thingId: thing.id })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(
      listThings({ actor: outsider.admin.actor, systemId: seeded.system.id, query: {} }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      createThing({ actor: outsider.admin.actor, systemId: seeded.system.id, input: { name: "Intruder" } }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(getThing({ actor: seeded.admin.actor, thingId: "not-a-uuid" })).rejects.toMatchObject({
      code: "not_found",
    });

    const own = await seedClient(seeded);
    const clientActor = await authenticateClient(own.client.principal, own.secret);
    if (!clientActor) throw new Error("client did not authenticate");
    const byClient = await createThing({ actor: clientActor, systemId: seeded.system.id, input: { name: "FromSdk" } });
    expect(byClient.systemId).toBe(seeded.system.id);
    const otherSystem = await seedSystem({ company: seeded.company, admin: seeded.admin });
    await expect(
      createThing({ actor: clientActor, systemId: otherSystem.system.id, input: { name: "Elsewhere" } }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("list with pagination, sort and a filter, and refuse unknown parameters", async () => {
    const { admin, system } = await seedSystem();
    for (const name of ["Alpha", "Bravo", "Charlie"]) {
      await createThing({ actor: admin.actor, systemId: system.id, input: { name, description: `${name} thing` } });
    }
    const page = await listThings({
      actor: admin.actor,
      systemId: system.id,
      query: { pageSize: "2", sort: "name", order: "desc" },
    });
    expect(page.items.map((t) => t.name)).toEqual(["Charlie", "Bravo"]);
    expect(page).toMatchObject({ total: 3, pageCount: 2 });
    expect(page.items[0]?._count.datastreams).toBe(0);
    const filtered = await listThings({ actor: admin.actor, systemId: system.id, query: { q: "RAV" } });
    expect(filtered.items.map((t) => t.name)).toEqual(["Bravo"]);
    await expect(
      listThings({ actor: admin.actor, systemId: system.id, query: { sort: "password" } }),
    ).rejects.toMatchObject({ code: "validation", fieldErrors: { sort: expect.any(Array) } });
    await expect(listThings({ actor: admin.actor, systemId: system.id, query: { x: 1 } })).rejects.toMatchObject({
      code: "validation",
    });
  });

  it("take their datastreams with them when deleted, and the dialog names them first", async () => {
    const seeded = await seedDatastream();
    for (const name of ["B", "A", "C"]) {
      await createDatastream({
        actor: seeded.admin.actor,
        systemId: seeded.system.id,
        input: { thingId: seeded.thing.id, name, observationType: "Count" },
      });
    }
    const impact = await thingDeletionImpact({ actor: seeded.admin.actor, thingId: seeded.thing.id, limit: 2 });
    const prefix = `${seeded.system.name}.${seeded.thing.name}`;
    expect(impact).toEqual({
      name: prefix,
      datastreams: { count: 4, names: [`${prefix}.A`, `${prefix}.B`], more: 2 },
    });
    const result = await deleteThing({ actor: seeded.admin.actor, thingId: seeded.thing.id });
    expect(result.deletedDatastreams).toHaveLength(4);
    expect(await db.datastream.count({ where: { thingId: seeded.thing.id } })).toBe(0);
    expect(await db.datastreamSchemaVersion.count({ where: { datastreamId: seeded.datastream.id } })).toBe(0);
    const events = await db.auditEvent.findMany({
      where: { companyId: seeded.company.id, action: { in: ["thing.delete", "datastream.delete"] } },
    });
    expect(events.map((e) => e.action).sort()).toEqual([
      "datastream.delete",
      "datastream.delete",
      "datastream.delete",
      "datastream.delete",
      "thing.delete",
    ]);
    // The sensor and observed property were only used, not owned: they stay.
    expect(await db.sensor.count({ where: { id: seeded.sensor.id } })).toBe(1);
  });
});
