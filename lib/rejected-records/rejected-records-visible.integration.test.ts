// Every record a reader could not use is visible: per system, per client and per datastream, with the reason, a
// sample and where it sits. The bad records are written to Kafka with the client's own credentials, read by the
// SDK against the console's real client endpoints, and listed through the console's domain operations and API.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as clientRoute from "@/app/api/v1/clients/[clientId]/rejected-records/route";
import * as systemRoute from "@/app/api/v1/systems/[systemId]/rejected-records/route";
import { callApi } from "@/test/call-api";
import { consoleFetch } from "@/test/console-fetch";
import { seedClientPrincipal, type TestClientPrincipal } from "@/test/kafka-client-principal";
import { recentMinute } from "@/test/recent-time";
import { seedClient, seedCompany, seedMember, seedToken } from "@/test/seed";
import { createKafkajs } from "../kafka/kafkajs-client";
import { RheiClient } from "../sdk/rhei-client";
import { listClientRejectedRecords } from "./list-client-rejected-records";
import { listSystemRejectedRecords } from "./list-system-rejected-records";
import { storeRejections } from "./store-rejections";

let seeded: Awaited<ReturnType<typeof seedClient>>;
let kafka: TestClientPrincipal;
const instances = JSON.parse(
  readFileSync(new URL("../../test/fixtures/panta-rhei/car1-instances.json", import.meta.url), "utf8"),
);

beforeAll(async () => {
  seeded = await seedClient();
  kafka = await seedClientPrincipal({ system: seeded.system.name, client: seeded.client.name, secret: seeded.secret });
});
afterAll(async () => {
  await kafka?.cleanup();
});

describe("rejected records are visible wherever they were noticed", () => {
  it("lists not-JSON, unknown-datastream, key-less and array records per system and per client, with origin", async () => {
    const { fetch } = consoleFetch();
    const client = new RheiClient({
      console: "http://console.test",
      fetch,
      bootstrapServers: kafka.bootstrapServers,
      system: seeded.system.name,
      client: seeded.client.name,
      secret: seeded.secret,
      retries: 2,
    });
    try {
      await client.register(instances);
      const t = new Date(recentMinute()).toISOString();
      const own = `${seeded.system.name}.Main.Air Temperature`;
      const unregistered = `${seeded.system.name}.Main.Humidity`;
      const producer = createKafkajs(kafka.kafka).producer();
      await producer.connect();
      await producer.send({
        topic: kafka.topics.int,
        messages: [
          { key: own, value: "this is not JSON" },
          {
            key: unregistered,
            value: JSON.stringify({ phenomenonTime: t, datastream: { name: unregistered }, result: 1 }),
          },
          { key: null, value: JSON.stringify({ phenomenonTime: t, datastream: { name: own }, result: "warm" }) },
          { key: own, value: JSON.stringify([1, 2, 3]) },
          { key: own, value: JSON.stringify({ phenomenonTime: t, datastream: { name: own }, result: 21.5 }) },
        ],
      });
      await producer.disconnect();
      // The key-less record may sit on another partition than the good one, so the stream keeps reading until all
      // four rejections are counted rather than stopping at the first good record.
      const stream = client.consume();
      const good: unknown[] = [];
      const reading = (async () => {
        for await (const r of stream) {
          good.push(r.result);
          if (client.stats.rejected >= 4) break;
        }
      })();
      await expect.poll(() => client.stats.rejected, { timeout: 20_000 }).toBe(4);
      await expect.poll(() => good.length, { timeout: 20_000 }).toBe(1);
      expect(good).toEqual([21.5]);
      await client.flush();
      await client.close();
      await reading;
    } finally {
      await client.close();
    }
    await expect
      .poll(
        async () =>
          (await listSystemRejectedRecords({ actor: seeded.admin.actor, systemId: seeded.system.id, query: {} })).total,
      )
      .toBe(4);
    const page = await listSystemRejectedRecords({ actor: seeded.admin.actor, systemId: seeded.system.id, query: {} });
    expect(page.rejectedCount).toBe(4);
    expect(page.byReporter).toEqual([{ reportedBy: seeded.client.principal, kept: 4 }]);
    expect(page.items).toHaveLength(4);
    expect(page.items.map((r) => r.reason)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^not JSON/),
        expect.stringMatching(/^unknown datastream: .*Humidity is not registered/),
        expect.stringMatching(/cannot take "warm": not a number/),
        "not a JSON object",
      ]),
    );
    for (const r of page.items) {
      expect(r).toMatchObject({
        topic: kafka.topics.int,
        partition: expect.any(Number),
        offset: expect.stringMatching(/^\d+$/),
      });
      expect(r.sample.length).toBeGreaterThan(0);
    }
    const byClient = await listClientRejectedRecords({
      actor: seeded.admin.actor,
      clientId: seeded.client.id,
      query: {},
    });
    expect(byClient.total).toBe(4);
    expect(byClient.clientRejectedCount).toBe(4);
    const none = await listSystemRejectedRecords({
      actor: seeded.admin.actor,
      systemId: seeded.system.id,
      query: { datastream: "none" },
    });
    // Not JSON and the array name no datastream; the unregistered one names none of the system's.
    expect(none.total).toBe(3);

    // The same through the REST API, and for an operator of the company too (data.read).
    const operator = await seedMember(seeded.company.id, seeded.admin, "operator");
    const api = await callApi(systemRoute.GET, "GET", {
      token: await seedToken(operator),
      params: { systemId: seeded.system.id },
      query: { pageSize: "2" },
    });
    expect(api.status).toBe(200);
    expect(api.json).toMatchObject({ total: 4, rejectedCount: 4, items: [expect.any(Object), expect.any(Object)] });
    const clientApi = await callApi(clientRoute.GET, "GET", {
      token: await seedToken(seeded.admin),
      params: { clientId: seeded.client.id },
    });
    expect(clientApi.json).toMatchObject({ total: 4, clientRejectedCount: 4 });
  });

  it("counts a message once however many readers report it, and hides other companies' rejections", async () => {
    const s = await seedClient();
    const rejection = { reason: "not JSON", raw: "x", topic: `${s.system.name}.int`, partition: 1, offset: "7" };
    expect(
      await storeRejections({ systemId: s.system.id, reportedBy: s.client.principal, rejections: [rejection] }),
    ).toEqual({
      stored: 1,
      counted: 0,
    });
    expect(await storeRejections({ systemId: s.system.id, reportedBy: "rhei:live", rejections: [rejection] })).toEqual({
      stored: 0,
      counted: 0,
    });
    const page = await listSystemRejectedRecords({ actor: s.admin.actor, systemId: s.system.id, query: {} });
    expect([page.total, page.rejectedCount]).toEqual([1, 1]);
    const stranger = await seedCompany();
    await expect(
      listSystemRejectedRecords({ actor: stranger.admin.actor, systemId: s.system.id, query: {} }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      listClientRejectedRecords({ actor: stranger.admin.actor, clientId: s.client.id, query: {} }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      listSystemRejectedRecords({ actor: s.admin.actor, systemId: s.system.id, query: { datastream: "nope" } }),
    ).rejects.toMatchObject({ code: "validation" });
  });
});
