import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { aclKey } from "./acl-binding";
import { createAcls, deleteAcls, describeAcls } from "./acls";
import { KafkaAdmin } from "./admin";
import { consoleKafkaConfig } from "./console-connection";
import {
  consumerGroupLag,
  describeConsumerGroups,
  listConsumerGroups,
  previewOffsetReset,
  resetConsumerGroupOffsets,
} from "./consumer-groups";
import { createKafkajs } from "./kafkajs-client";
import { createPartitions } from "./partitions";
import { alterScramCredentials, listScramUsers } from "./scram-credentials";
import { scramMaterial } from "./scram-material";
import { alterTopicConfigs, describeTopicConfigs } from "./topic-configs";
import { topicSizes } from "./topic-sizes";

const suffix = randomBytes(4).toString("hex");
const topic = `it.ext.${suffix}`;
const group = `it.ext.group.${suffix}`;
const principal = `User:it-ext-${suffix}`;
let admin: KafkaAdmin;

beforeAll(async () => {
  admin = await KafkaAdmin.connect(consoleKafkaConfig());
  await admin.createTopics([
    { name: topic, partitions: 2, replicationFactor: 1, configs: { "retention.ms": "3600000" } },
  ]);
});

afterAll(async () => {
  await deleteAcls(admin, [{ principal }]).catch(() => undefined);
  await admin.deleteTopics([topic]).catch(() => undefined);
  await admin.disconnect();
});

describe("lib/kafka admin extensions", () => {
  it("create, describe with filters, and delete ACLs", async () => {
    const read = {
      principal,
      host: "*",
      resourceType: "topic",
      resourceName: topic,
      patternType: "literal",
      operation: "read",
      permission: "allow",
    } as const;
    const write = { ...read, operation: "write" } as const;
    const groupRead = { ...read, resourceType: "group", resourceName: group } as const;
    await createAcls(admin, [read, write, groupRead]);
    await createAcls(admin, [read]); // again: no error, no duplicate
    // DescribeAcls answers from the broker's metadata image, which can trail the controller's acknowledgement.
    const described = async () => (await describeAcls(admin, { principal })).map(aclKey).sort();
    const settle = { timeout: 10_000, interval: 200 };
    await vi.waitFor(
      async () => expect(await described()).toEqual([read, write, groupRead].map(aclKey).sort()),
      settle,
    );
    expect(await describeAcls(admin, { principal, resourceType: "group" })).toEqual([groupRead]);
    const deleted = await deleteAcls(admin, [{ principal, resourceType: "topic", operation: "write" }]);
    expect(deleted).toEqual([write]);
    await vi.waitFor(async () => expect(await described()).toEqual([read, groupRead].map(aclKey).sort()), settle);
    await expect(deleteAcls(admin, [{}])).rejects.toThrow(/matches everything/);
  });

  it("alter topic configs without losing those set by hand", async () => {
    await admin.kafkajs.alterConfigs({
      validateOnly: false,
      resources: [
        {
          type: 2,
          name: topic,
          configEntries: [
            { name: "retention.ms", value: "3600000" },
            { name: "segment.ms", value: "7200000" },
          ],
        },
      ],
    });
    await alterTopicConfigs(admin, [{ topic, set: { "retention.ms": "86400000", "cleanup.policy": "delete" } }]);
    const configs = new Map((await describeTopicConfigs(admin, [topic])).get(topic)?.map((e) => [e.name, e]));
    expect(configs.get("retention.ms")).toMatchObject({ value: "86400000", source: "topic" });
    expect(configs.get("segment.ms")).toMatchObject({ value: "7200000", source: "topic" });
    expect(configs.get("cleanup.policy")).toMatchObject({ value: "delete", source: "topic" });
    expect(configs.get("max.message.bytes")?.source).not.toBe("topic");
    await alterTopicConfigs(admin, [{ topic, remove: ["segment.ms"] }]);
    const after = (await describeTopicConfigs(admin, [topic])).get(topic)?.find((e) => e.name === "segment.ms");
    expect(after?.source).not.toBe("topic");
    await expect(describeTopicConfigs(admin, [`${topic}.absent`])).rejects.toMatchObject({ kind: "not-found" });
  });

  it("grow partitions", async () => {
    await createPartitions(admin, [{ topic, count: 3 }]);
    const [described] = await admin.describeTopics([topic]);
    expect(described?.partitions.map((p) => p.partition)).toEqual([0, 1, 2]);
  });

  it("show consumer groups with lag, and reset a stopped group with a preview", async () => {
    const kafka = createKafkajs(consoleKafkaConfig({ clientId: `it-ext-${suffix}` }));
    const producer = kafka.producer();
    await producer.connect();
    const before = Date.now();
    await producer.send({
      topic,
      messages: Array.from({ length: 30 }, (_, i) => ({ key: `k${i}`, value: `v${i}`, partition: i % 3 })),
    });
    const midpoint = Date.now() + 1;
    await new Promise((r) => setTimeout(r, 20));
    await producer.send({
      topic,
      messages: Array.from({ length: 6 }, (_, i) => ({ value: `w${i}`, partition: i % 3 })),
    });
    await producer.disconnect();

    const consumer = kafka.consumer({ groupId: group });
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    let seen = 0;
    await consumer.run({
      eachMessage: async () => {
        seen++;
      },
    });
    const deadline = Date.now() + 20_000;
    while (seen < 36 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(seen).toBe(36);

    const [running] = await describeConsumerGroups(admin, [group]);
    expect(running?.state).toBe("stable");
    expect(running?.members[0]?.assignment).toEqual([{ topic, partitions: [0, 1, 2] }]);
    await expect(
      resetConsumerGroupOffsets(admin, { groupId: group, topics: [topic], target: { to: "start" } }),
    ).rejects.toThrow(/stop it first/);
    await consumer.disconnect();

    expect((await listConsumerGroups(admin)).map((g) => g.groupId)).toContain(group);
    const [stopped] = await describeConsumerGroups(admin, [group]);
    expect(stopped?.state).toBe("empty");
    const lag = await consumerGroupLag(admin, group, [topic]);
    expect(lag.map((l) => [l.partition, l.committed, l.end, l.lag])).toEqual([
      [0, "12", "12", "0"],
      [1, "12", "12", "0"],
      [2, "12", "12", "0"],
    ]);

    const preview = await previewOffsetReset(admin, { groupId: group, topics: [topic], target: { to: "start" } });
    expect(preview.map((p) => [p.current, p.target])).toEqual([
      ["12", "0"],
      ["12", "0"],
      ["12", "0"],
    ]);
    expect((await consumerGroupLag(admin, group, [topic]))[0]?.committed).toBe("12"); // a preview changes nothing

    const writes = admin.requests.writes;
    await resetConsumerGroupOffsets(admin, {
      groupId: group,
      topics: [topic],
      target: { to: "time", at: new Date(midpoint) },
    });
    expect(admin.requests.writes).toBe(writes + 1);
    expect((await consumerGroupLag(admin, group, [topic])).map((l) => l.committed)).toEqual(["10", "10", "10"]);
    await resetConsumerGroupOffsets(admin, { groupId: group, topics: [topic], target: { to: "start" } });
    expect((await consumerGroupLag(admin, group, [topic])).map((l) => l.lag)).toEqual(["12", "12", "12"]);
    await resetConsumerGroupOffsets(admin, {
      groupId: group,
      topics: [topic],
      target: { to: "time", at: new Date(before - 60_000) },
    });
    expect((await consumerGroupLag(admin, group, [topic])).map((l) => l.committed)).toEqual(["0", "0", "0"]);
    await resetConsumerGroupOffsets(admin, { groupId: group, topics: [topic], target: { to: "end" } });
    expect((await consumerGroupLag(admin, group, [topic])).map((l) => l.lag)).toEqual(["0", "0", "0"]);
  });

  it("measure topic sizes on disk", async () => {
    const sizes = await topicSizes(admin, [{ name: topic, partitions: [0, 1, 2] }]);
    const size = sizes.get(topic);
    expect(size?.partitions.map((p) => p.partition)).toEqual([0, 1, 2]);
    expect(size?.bytes).toBeGreaterThan(0);
    expect(size?.bytes).toBe(size?.partitions.reduce((s, p) => s + p.bytes, 0));
  });

  it("set and remove many SCRAM credentials in one request", async () => {
    const users = [`it-ext-a-${suffix}`, `it-ext-b-${suffix}`];
    const material = await scramMaterial("pw");
    const set = await alterScramCredentials(consoleKafkaConfig(), {
      upsert: users.map((username) => ({ username, material })),
    });
    expect([...set.values()]).toEqual([null, null]);
    // The controller acknowledges before the broker's metadata image (which answers the describe) shows the change.
    const listed = () => listScramUsers(consoleKafkaConfig(), users).then((u) => u.sort());
    await vi.waitFor(async () => expect(await listed()).toEqual(users), { timeout: 10_000, interval: 200 });
    const removed = await alterScramCredentials(consoleKafkaConfig(), { delete: [...users, `it-ext-none-${suffix}`] });
    expect([...removed.values()]).toEqual([null, null, null]);
    await vi.waitFor(async () => expect(await listed()).toEqual([]), { timeout: 10_000, interval: 200 });
  });
});

describe("admin requests right after a topic is created", () => {
  it("read the new topic's offsets, metadata and group positions without a 'not yet' error reaching the caller", async () => {
    const fresh = Array.from({ length: 5 }, (_, i) => `it.fresh.${suffix}.${i}`);
    try {
      for (const name of fresh) {
        // A new connection each time, as a script or benchmark has: its metadata has never seen the topic.
        const other = await KafkaAdmin.connect(consoleKafkaConfig());
        try {
          await other.createTopics([{ name, partitions: 3, replicationFactor: 1, configs: {} }]);
          expect(await other.topicOffsets(name)).toHaveLength(3);
          expect((await other.describeTopics([name]))[0]?.partitions).toHaveLength(3);
          expect(await consumerGroupLag(other, `it.fresh.group.${suffix}`, [name])).toHaveLength(3);
        } finally {
          await other.disconnect();
        }
      }
    } finally {
      await admin.deleteTopics(fresh).catch(() => undefined);
    }
  });
});
