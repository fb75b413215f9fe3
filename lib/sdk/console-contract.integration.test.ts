import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { consoleFetch } from "@/test/console-fetch";
import { seedClientPrincipal, type TestClientPrincipal } from "@/test/kafka-client-principal";
import { seedClient } from "@/test/seed";
import { consoleKafkaConfig } from "../kafka/console-connection";
import { createKafkajs } from "../kafka/kafkajs-client";
import type { RejectedRecord } from "./rejected-record";
import { RheiClient } from "./rhei-client";
import type { RheiRecord } from "./rhei-record";

// The SDK against the console's real client endpoints (route handlers called as Next.js would, through the SDK's
// `fetch` option) and the real broker: a client registered in the database, its Kafka principal given by hand
// (test/kafka-client-principal.ts) until the provisioning reconciler does it.
const { fetch: consoleFetchFn, requests } = consoleFetch();

let seeded: Awaited<ReturnType<typeof seedClient>>;
let kafka: TestClientPrincipal;
const clients: RheiClient[] = [];
const instances = JSON.parse(
  readFileSync(new URL("../../test/fixtures/panta-rhei/car1-instances.json", import.meta.url), "utf8"),
);

function clientFor(extra: Partial<ConstructorParameters<typeof RheiClient>[0]> = {}) {
  const client = new RheiClient({
    console: "http://console.test",
    fetch: consoleFetchFn,
    bootstrapServers: kafka.bootstrapServers,
    system: seeded.system.name,
    client: seeded.client.name,
    secret: seeded.secret,
    retries: 2,
    consumer: { commitIntervalMs: 200 },
    ...extra,
  });
  clients.push(client);
  return client;
}

beforeAll(async () => {
  seeded = await seedClient();
  kafka = await seedClientPrincipal({ system: seeded.system.name, client: seeded.client.name, secret: seeded.secret });
});
afterAll(async () => {
  for (const c of clients) await c.close().catch(() => undefined);
  await kafka?.cleanup();
});

describe("the SDK and the console's client API", () => {
  it("registers the reference instances.json, idempotently, and learns full names and types", async () => {
    const first = await clientFor().register(instances);
    expect(first.created).toBeGreaterThan(0);
    expect(first.datastreams.map((d) => d.fullName).sort()).toEqual(
      ["Acceleration", "Air Temperature", "Attitude", "Latitude", "Longitude"].map(
        (n) => `${seeded.system.name}.Main.${n}`,
      ),
    );
    expect(first.datastreams.every((d) => d.observationType === "Measurement")).toBe(true);
    expect(first.datastreamKeys.temperature).toBe(`${seeded.system.name}.Main.Air Temperature`);
    const again = await clientFor().register(instances);
    expect(again).toMatchObject({ created: 0, updated: 0 });
  });

  it("produces with types from the console's catalog and consumes records enriched from it", async () => {
    const producer = clientFor();
    // Epoch seconds within the topic's retention: the message is stamped with its phenomenon time.
    const seconds = Math.floor(Date.now() / 1000) - 3600;
    await producer.produce("Air Temperature", "-2.5", { phenomenonTime: seconds });
    await expect(producer.produce("Air Temperature", "icy")).rejects.toMatchObject({ code: "invalid-value" });
    // The catalog carries the system's retention: an older phenomenon time is refused before it reaches Kafka.
    const retentionDays = (await db.system.findUniqueOrThrow({ where: { id: seeded.system.id } })).retentionDays;
    await expect(
      producer.produce("Air Temperature", 1, {
        phenomenonTime: new Date(Date.now() - (retentionDays + 1) * 86_400_000),
      }),
    ).rejects.toMatchObject({ code: "invalid-time", message: expect.stringContaining(`(${retentionDays} days)`) });
    await producer.flush();
    expect(requests).toContain("GET /api/v1/client/datastreams");
    const iterator = clientFor().consume();
    const { value } = (await iterator.next()) as IteratorResult<RheiRecord>;
    await iterator.return?.();
    expect(value).toMatchObject({
      datastream: { name: "Air Temperature", fullName: `${seeded.system.name}.Main.Air Temperature` },
      observationType: "Measurement",
      unit: { name: "DegreeCelsius", symbol: "degC" },
      phenomenonTime: new Date(seconds * 1000).toISOString().replace(".000Z", ".000000Z"),
      result: -2.5,
    });
  });

  it("reports a record that breaks its type, and the console counts it on the datastream", async () => {
    const fullName = `${seeded.system.name}.Main.Acceleration`;
    const producer = createKafkajs(consoleKafkaConfig()).producer();
    await producer.connect();
    await producer.send({
      topic: kafka.topics.int,
      messages: [
        {
          key: fullName,
          value: JSON.stringify({ phenomenonTime: 1700000000, datastream: { name: fullName }, result: "fast" }),
        },
      ],
    });
    await producer.disconnect();
    const seen: RejectedRecord[] = [];
    const consumer = clientFor({ onRejected: (r) => seen.push(r) });
    consumer.subscribe([fullName]);
    const iterator = consumer.consume();
    const next = iterator.next();
    for (let i = 0; i < 100 && seen.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(seen[0]).toMatchObject({ claimedName: fullName, reason: expect.stringContaining('cannot take "fast"') });
    await consumer.close(); // reports what is pending
    await next.catch(() => undefined);
    expect(consumer.stats).toMatchObject({ rejected: 1, rejectionsReported: 1, rejectionsUnreported: 0 });
    const datastream = await db.datastream.findFirstOrThrow({ where: { fullName }, select: { rejectedCount: true } });
    expect(datastream.rejectedCount).toBe(1);
  });
});
