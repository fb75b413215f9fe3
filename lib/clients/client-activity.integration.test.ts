// A client's activity on the real broker: what it produced (counted by the console's evaluator from the producer
// header the SDK sets) and what its consumer group consumed (its committed positions, polled), with the lag.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedLiveWorld } from "@/test/live-world";
import { startAlarmEvaluator } from "../alarms/alarm-evaluator";
import { db } from "../db/client";
import { KafkaAdmin } from "../kafka/admin";
import { consoleKafkaConfig } from "../kafka/console-connection";
import { RheiClient } from "../sdk/rhei-client";
import { pollClientGroups } from "./client-activity";

let world: Awaited<ReturnType<typeof seedLiveWorld>>;

beforeAll(async () => {
  world = await seedLiveWorld();
}, 60_000);
afterAll(async () => {
  await world?.cleanup();
});

describe("a client's activity", () => {
  it("shows when it last produced, at what rate, as the evaluator counted its records", async () => {
    const evaluator = startAlarmEvaluator();
    try {
      await evaluator.ready;
      await world.produce(12);
      await expect
        .poll(async () => db.clientActivity.findUnique({ where: { clientId: world.client.id } }), { timeout: 30_000 })
        .toMatchObject({ lastProducedAt: expect.any(Date), producedPerMinute: 12 });
    } finally {
      await evaluator.stop();
    }
  }, 60_000);

  it("shows when its group last consumed, its rate and its lag; a group that did not move keeps its last time", async () => {
    await world.produce(20);
    const admin = await KafkaAdmin.connect(consoleKafkaConfig());
    try {
      const consumer = new RheiClient({
        bootstrapServers: world.kafka.bootstrapServers,
        system: world.system.name,
        client: world.client.name,
        secret: world.secret,
        consumer: { commitIntervalMs: 100, startFrom: "earliest" },
      });
      const iterator = consumer.consume();
      for (let i = 0; i < 10; i++) await iterator.next();
      await consumer.close();
      // The first poll knows no earlier position: it records where the group stands and its lag.
      await db.clientActivity.deleteMany({ where: { clientId: world.client.id } });
      expect(await pollClientGroups(admin)).toBeGreaterThan(0);
      const first = await db.clientActivity.findUniqueOrThrow({ where: { clientId: world.client.id } });
      expect(first.committed).not.toBeNull();
      expect(first.lag).not.toBeNull();
      expect(first.lastConsumedAt).toBeNull();
      expect(first.groupState).toBe("empty");
      // It consumes the rest; the next poll (one interval later) sees the positions move.
      const again = new RheiClient({
        bootstrapServers: world.kafka.bootstrapServers,
        system: world.system.name,
        client: world.client.name,
        secret: world.secret,
        consumer: { commitIntervalMs: 100 },
      });
      const rest = again.consume();
      let lastValue = -1;
      while (lastValue !== 19) lastValue = ((await rest.next()).value as { result: number }).result;
      await again.close();
      expect(await pollClientGroups(admin, Date.now() + 60_000)).toBeGreaterThan(0);
      const second = await db.clientActivity.findUniqueOrThrow({ where: { clientId: world.client.id } });
      expect(second.lastConsumedAt).toBeInstanceOf(Date);
      expect(second.consumedPerMinute).toBeGreaterThan(0);
      // The SDK commits a record once the next is asked for: the last one handed out may still count as lag.
      expect(second.lag ?? 99n).toBeLessThan(first.lag ?? 0n);
      expect(second.committed ?? 0n).toBeGreaterThan(first.committed ?? 0n);
      // Polled again too soon: nothing is read twice.
      expect(await pollClientGroups(admin, Date.now() + 61_000)).toBe(0);
    } finally {
      await admin.disconnect();
    }
  }, 90_000);
});
