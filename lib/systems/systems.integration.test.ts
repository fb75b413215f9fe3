import { describe, expect, it } from "vitest";
import { seedClient, seedCompany, seedMember, seedSystem, uniq } from "@/test/seed";
import { deleteClient } from "../clients/delete-client";
import { db } from "../db/client";
import { createSystem } from "./create-system";
import { deleteSystem, systemDeletionImpact } from "./delete-system";
import { getSystem } from "./get-system";
import { listSystems } from "./list-systems";
import { updateSystem } from "./update-system";

describe("systems", () => {
  it("are named domain.enterprise.workcenter.station and default to 14 days of retention", async () => {
    const { company, admin } = await seedCompany();
    const system = await createSystem({
      actor: admin.actor,
      companyId: company.id,
      input: { workcenter: "iot4cps-wp5-CarFleet", station: "Car1" },
    });
    expect(system.name).toBe(`${company.domain}.${company.enterprise}.iot4cps-wp5-CarFleet.Car1`);
    expect(system).toMatchObject({ retentionDays: 14, partitions: 3 });
    await expect(
      createSystem({
        actor: admin.actor,
        companyId: company.id,
        input: { workcenter: "iot4cps-wp5-CarFleet", station: "Car1" },
      }),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(
      createSystem({ actor: admin.actor, companyId: company.id, input: { workcenter: "Car Fleet", station: "Car1" } }),
    ).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { workcenter: [expect.stringMatching(/letters A–Z/)] },
    });
  });

  it("are created by admins only, read by every member, and invisible to other companies", async () => {
    const seeded = await seedSystem();
    const engineer = await seedMember(seeded.company.id, seeded.admin, "engineer");
    const auditor = await seedMember(seeded.company.id, seeded.admin, "auditor");
    const outsider = await seedCompany();
    await expect(
      createSystem({
        actor: engineer.actor,
        companyId: seeded.company.id,
        input: { workcenter: uniq("w"), station: "s" },
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect((await getSystem({ actor: auditor.actor, systemId: seeded.system.id })).id).toBe(seeded.system.id);
    await expect(getSystem({ actor: outsider.admin.actor, systemId: seeded.system.id })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(
      listSystems({ actor: outsider.admin.actor, companyId: seeded.company.id, query: {} }),
    ).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("list with pagination, sort and a filter, and refuse unknown parameters", async () => {
    const seeded = await seedCompany();
    for (const station of ["Alpha", "Bravo", "Charlie"]) {
      await createSystem({
        actor: seeded.admin.actor,
        companyId: seeded.company.id,
        input: { workcenter: "wc", station },
      });
    }
    const page1 = await listSystems({
      actor: seeded.admin.actor,
      companyId: seeded.company.id,
      query: { pageSize: "2", sort: "name", order: "desc" },
    });
    expect(page1.items.map((s) => s.station)).toEqual(["Charlie", "Bravo"]);
    expect(page1).toMatchObject({ total: 3, pageCount: 2 });
    const filtered = await listSystems({
      actor: seeded.admin.actor,
      companyId: seeded.company.id,
      query: { q: "brav" },
    });
    expect(filtered.items.map((s) => s.station)).toEqual(["Bravo"]);
    await expect(
      listSystems({ actor: seeded.admin.actor, companyId: seeded.company.id, query: { orderBy: "x" } }),
    ).rejects.toMatchObject({ code: "validation" });
  });

  it("keep their name; partitions only grow", async () => {
    const { admin, system } = await seedSystem();
    const updated = await updateSystem({
      actor: admin.actor,
      systemId: system.id,
      input: { retentionDays: 30, partitions: 4 },
    });
    expect(updated).toMatchObject({ retentionDays: 30, partitions: 4, name: system.name });
    await expect(
      updateSystem({ actor: admin.actor, systemId: system.id, input: { partitions: 1 } }),
    ).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { partitions: ["At least 4 (partitions can only grow)"] },
    });
    await expect(
      updateSystem({ actor: admin.actor, systemId: system.id, input: { station: "x" } as never }),
    ).rejects.toMatchObject({
      code: "validation",
    });
  });

  it("keep fields an update leaves out", async () => {
    const { admin, system } = await seedSystem();
    await updateSystem({ actor: admin.actor, systemId: system.id, input: { description: "Car one" } });
    const updated = await updateSystem({ actor: admin.actor, systemId: system.id, input: { retentionDays: 7 } });
    expect(updated).toMatchObject({ description: "Car one", retentionDays: 7, partitions: system.partitions });
  });

  it("are deleted only without clients, naming the topics that go with them", async () => {
    const seeded = await seedClient();
    const impact = await systemDeletionImpact({ actor: seeded.admin.actor, systemId: seeded.system.id });
    expect(impact).toMatchObject({
      clients: 1,
      topics: [`${seeded.system.name}.int`, `${seeded.system.name}.ext`, `${seeded.system.name}.log`],
    });
    await expect(deleteSystem({ actor: seeded.admin.actor, systemId: seeded.system.id })).rejects.toMatchObject({
      code: "conflict",
    });
    await deleteClient({ actor: seeded.admin.actor, clientId: seeded.client.id });
    await deleteSystem({ actor: seeded.admin.actor, systemId: seeded.system.id });
    expect(await db.system.findUnique({ where: { id: seeded.system.id } })).toBeNull();
    const events = await db.auditEvent.findMany({ where: { targetId: seeded.system.id }, orderBy: { at: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["system.create", "system.delete"]);
  });
});

describe("list filters", () => {
  it("match % and _ literally", async () => {
    const seeded = await seedCompany();
    for (const station of ["with_underscore", "withXunderscore"]) {
      await createSystem({
        actor: seeded.admin.actor,
        companyId: seeded.company.id,
        input: { workcenter: "wc", station: station.replace("_", "-") },
      });
    }
    await updateSystem({
      actor: seeded.admin.actor,
      systemId:
        (await listSystems({ actor: seeded.admin.actor, companyId: seeded.company.id, query: { q: "with-" } })).items[0]
          ?.id ?? "",
      input: { description: "100% literal_match" },
    });
    const percent = await listSystems({ actor: seeded.admin.actor, companyId: seeded.company.id, query: { q: "0%" } });
    expect(percent.items.map((s) => s.description)).toEqual(["100% literal_match"]);
    const underscore = await listSystems({
      actor: seeded.admin.actor,
      companyId: seeded.company.id,
      query: { q: "l_m" },
    });
    expect(underscore.total).toBe(1);
    const wildcard = await listSystems({ actor: seeded.admin.actor, companyId: seeded.company.id, query: { q: "%" } });
    expect(wildcard.total).toBe(1);
  });
});
