import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KafkaAdmin } from "./admin";
import { consoleKafkaConfig } from "./console-connection";
import { GroupConsumer } from "./consumer";

// A member that restarts (the alarm evaluator and the rollup job rejoin when new topics appear) must leave its group
// for good: a zombie member of the same process holds partitions that nobody reads.
const suffix = randomBytes(4).toString("hex");
const topic = `it.consumer.${suffix}`;
const groupId = `it.consumer.group.${suffix}`;
let admin: KafkaAdmin;

beforeAll(async () => {
  admin = await KafkaAdmin.connect(consoleKafkaConfig());
  await admin.createTopics([{ name: topic, partitions: 4, replicationFactor: 1, configs: {} }]);
});
afterAll(async () => {
  await admin.deleteTopics([topic]).catch(() => undefined);
  await admin.disconnect();
});

const members = async () => (await admin.kafkajs.describeGroups([groupId])).groups[0]?.members.length ?? 0;

describe("GroupConsumer", () => {
  it("leaves its group for good when disconnected while it joins, however often it restarts", async () => {
    const config = consoleKafkaConfig({ clientId: "it-consumer" });
    const options = { groupId, topics: [topic], sessionTimeoutMs: 6000 };
    // Restarts at every stage of a join: before it began, while it runs, once it holds partitions.
    for (const waitMs of [0, 50, 200, 500, 1000, 3000]) {
      const consumer = await GroupConsumer.connect(config, options);
      const running = consumer.run(async () => undefined, { onCrash: () => undefined }).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, waitMs));
      await consumer.disconnect();
      await running;
    }
    const assigned: Record<string, number[]>[] = [];
    const last = await GroupConsumer.connect(config, options);
    try {
      await last.run(async () => undefined, {
        onCrash: () => undefined,
        onAssignment: (assignment) => assigned.push(assignment),
      });
      // Past a session timeout, so only live members remain: the last one, holding every partition.
      await new Promise((resolve) => setTimeout(resolve, 8000));
      await expect.poll(members, { timeout: 20_000, interval: 500 }).toBe(1);
      await expect
        .poll(() => [...(assigned.at(-1)?.[topic] ?? [])].sort(), { timeout: 20_000, interval: 500 })
        .toEqual([0, 1, 2, 3]);
    } finally {
      await last.disconnect();
    }
    await expect.poll(members, { timeout: 10_000, interval: 500 }).toBe(0);
  }, 90_000);
});
