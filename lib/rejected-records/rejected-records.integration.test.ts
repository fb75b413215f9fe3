import { describe, expect, it } from "vitest";
import * as rejectionsRoute from "@/app/api/v1/client/rejections/route";
import { callApi } from "@/test/call-api";
import { seedClient, seedToken } from "@/test/seed";
import { db } from "../db/client";
import { listRejectedRecords } from "./list-rejected-records";
import { KEPT_PER_DATASTREAM } from "./store-rejections";

async function seedDatastream(systemId: string, systemName: string) {
  const thing = await db.thing.create({ data: { systemId, name: "Main" } });
  return db.datastream.create({
    data: {
      systemId,
      thingId: thing.id,
      name: "Air Temperature",
      fullName: `${systemName}.Main.Air Temperature`,
      observationType: "Measurement",
    },
  });
}

describe("rejected records", () => {
  it("are counted on the client's own datastream and kept as bounded samples", async () => {
    const { admin, system, client, secret } = await seedClient();
    const datastream = await seedDatastream(system.id, system.name);
    const basic = { principal: client.principal, secret };
    const response = await callApi(rejectionsRoute.POST, "POST", {
      basic,
      body: {
        rejections: [
          {
            reason: "Air Temperature: 'warm' is not a number",
            raw: '{"result":"warm"}',
            claimedName: datastream.fullName,
            topic: `${system.name}.int`,
            partition: 0,
            offset: "41",
          },
          { reason: "not JSON", raw: "x".repeat(10_000) },
        ],
      },
    });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ accepted: 2, counted: 1 });
    const list = await listRejectedRecords({ actor: admin.actor, datastreamId: datastream.id, query: {} });
    expect(list.rejectedCount).toBe(1);
    expect(list.items[0]).toMatchObject({
      reason: "Air Temperature: 'warm' is not a number",
      offset: "41",
      reportedBy: client.principal,
    });
    const unnamed = await db.rejectedRecord.findFirstOrThrow({ where: { systemId: system.id, datastreamId: null } });
    expect(unnamed.sample.length).toBeLessThan(4200);
  });

  it("keeps at most the newest samples per datastream while the count keeps growing", async () => {
    const { admin, system, client, secret } = await seedClient();
    const datastream = await seedDatastream(system.id, system.name);
    for (let batch = 0; batch < 2; batch++) {
      const rejections = Array.from({ length: 300 }, (_, i) => ({
        reason: `bad ${batch}-${i}`,
        raw: "{}",
        claimedName: datastream.fullName,
      }));
      expect(
        (
          await callApi(rejectionsRoute.POST, "POST", {
            basic: { principal: client.principal, secret },
            body: { rejections },
          })
        ).status,
      ).toBe(200);
    }
    const list = await listRejectedRecords({
      actor: admin.actor,
      datastreamId: datastream.id,
      query: { pageSize: "1" },
    });
    expect(list.rejectedCount).toBe(600);
    expect(list.total).toBe(KEPT_PER_DATASTREAM);
  });

  it("does not count on other systems' datastreams and refuses users and bad bodies", async () => {
    const mine = await seedClient();
    const theirs = await seedClient();
    const foreign = await seedDatastream(theirs.system.id, theirs.system.name);
    const basic = { principal: mine.client.principal, secret: mine.secret };
    const r = await callApi(rejectionsRoute.POST, "POST", {
      basic,
      body: { rejections: [{ reason: "x", raw: "{}", claimedName: foreign.fullName }] },
    });
    expect(r.json).toEqual({ accepted: 1, counted: 0 });
    expect((await db.datastream.findUniqueOrThrow({ where: { id: foreign.id } })).rejectedCount).toBe(0);
    expect((await callApi(rejectionsRoute.POST, "POST", { basic, body: { rejections: [] } })).status).toBe(422);
    expect(
      (
        await callApi(rejectionsRoute.POST, "POST", {
          basic,
          body: { rejections: [{ reason: "x", raw: "{}", offset: "-1" }] },
        })
      ).status,
    ).toBe(422);
    const asUser = await callApi(rejectionsRoute.POST, "POST", {
      token: await seedToken(mine.admin),
      body: { rejections: [{ reason: "x", raw: "{}" }] },
    });
    expect(asUser.status).toBe(403);
    await expect(
      listRejectedRecords({ actor: theirs.admin.actor, datastreamId: "nope", query: {} }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});
