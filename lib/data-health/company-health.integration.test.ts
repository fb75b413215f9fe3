// The company health overview against the real database: per system, how many datastreams report, are silent or
// never reported, and the list filtered by state; another company's health is not found.
import { describe, expect, it } from "vitest";
import { seedDatastream, seedSystem, seedUser } from "@/test/seed";
import { db } from "../db/client";
import { getCompanyHealth } from "./get-company-health";

describe("company health", () => {
  it("summarises each system and lists silent, never-reported and reporting datastreams", async () => {
    const seeded = await seedSystem();
    const [silent, reporting, never] = [
      await seedDatastream(seeded),
      await seedDatastream(seeded),
      await seedDatastream(seeded),
    ];
    const now = Date.now();
    await db.datastreamHealth.create({
      data: {
        datastreamId: silent.datastream.id,
        lastPhenomenonAt: new Date(now - 600_000),
        perMinute: 0,
        intervalMs: 10_000,
        silentSince: new Date(now - 500_000),
      },
    });
    await db.datastreamHealth.create({
      data: { datastreamId: reporting.datastream.id, lastPhenomenonAt: new Date(now - 1000), perMinute: 6 },
    });
    const actor = seeded.admin.actor;
    const companyId = seeded.company.id;
    const overview = await getCompanyHealth({ actor, companyId, query: {} });
    expect(overview.systems).toEqual([
      expect.objectContaining({ id: seeded.system.id, datastreams: 3, silent: 1, never: 1, perMinute: 6 }),
    ]);
    expect(overview.datastreams.items.map((d) => d.id)).toEqual([silent.datastream.id]);
    const ids = async (state: string) =>
      (await getCompanyHealth({ actor, companyId, query: { state } })).datastreams.items.map((d) => d.id).sort();
    expect(await ids("never")).toEqual([never.datastream.id]);
    expect(await ids("reporting")).toEqual([reporting.datastream.id]);
    expect(await ids("all")).toEqual([silent, reporting, never].map((s) => s.datastream.id).sort());
    await expect(getCompanyHealth({ actor, companyId, query: { state: "asleep" } })).rejects.toMatchObject({
      code: "validation",
    });
    const stranger = await seedUser("Stranger");
    await expect(getCompanyHealth({ actor: stranger.actor, companyId, query: {} })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
