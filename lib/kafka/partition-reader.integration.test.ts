import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedClientPrincipal, type TestClientPrincipal } from "@/test/kafka-client-principal";
import { recentMinute } from "@/test/recent-time";
import { consoleKafkaConfig } from "./console-connection";
import { createKafkajs } from "./kafkajs-client";
import { PartitionReader } from "./partition-reader";

// Positions outside a partition's log, on the real broker: the broker answers OFFSET_OUT_OF_RANGE with no word of
// where the log is, so the reader asks, and goes on from its start (retention deleted the records wanted) or its end
// (the topic was made again; a stored position of the rollup job, say, outlived it).
let p: TestClientPrincipal;
const base = recentMinute(10);

async function produce(from: number, count: number) {
  const producer = createKafkajs(consoleKafkaConfig()).producer();
  await producer.connect();
  await producer.send({
    topic: p.topics.int,
    messages: Array.from({ length: count }, (_, i) => ({
      partition: 0,
      value: `v${from + i}`,
      timestamp: String(base + (from + i) * 1000),
    })),
  });
  await producer.disconnect();
}

beforeAll(async () => {
  p = await seedClientPrincipal({ partitions: 1 });
  await produce(0, 10);
  await p.admin.kafkajs.deleteTopicRecords({ topic: p.topics.int, partitions: [{ partition: 0, offset: "4" }] });
});
afterAll(() => p?.cleanup());

async function readFrom(offset: bigint, until: number) {
  const reader = PartitionReader.open(consoleKafkaConfig({ clientId: "partition-reader-test" }));
  try {
    await reader.add([p.topics.int], { offset });
    const values: string[] = [];
    for (let i = 0; i < 5 && values.length < until; i++) {
      for (const r of await reader.fetch({ maxWaitMs: 200 })) values.push(r.value?.toString() ?? "");
    }
    return { values, position: reader.positions()[0]?.position };
  } finally {
    await reader.close();
  }
}

describe("PartitionReader outside the log", () => {
  it("goes on from the log's start when retention deleted the records at its position", async () => {
    const read = await readFrom(1n, 6);
    expect(read.values).toEqual(["v4", "v5", "v6", "v7", "v8", "v9"]);
    expect(read.position).toBe(10n);
  });

  it("goes on from the log's end when its position is past it, and reads what comes next", async () => {
    const reader = PartitionReader.open(consoleKafkaConfig({ clientId: "partition-reader-test" }));
    try {
      await reader.add([p.topics.int], { offset: 500n });
      expect(await reader.fetch({ maxWaitMs: 200 })).toEqual([]);
      expect(reader.positions()[0]?.position).toBe(10n);
      await produce(10, 2);
      const values: string[] = [];
      for (let i = 0; i < 5 && values.length < 2; i++) {
        for (const r of await reader.fetch({ maxWaitMs: 500 })) values.push(r.value?.toString() ?? "");
      }
      expect(values).toEqual(["v10", "v11"]);
    } finally {
      await reader.close();
    }
  });
});
