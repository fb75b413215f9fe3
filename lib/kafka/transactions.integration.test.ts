import { Producer, stringSerializers } from "@platformatic/kafka";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniq } from "@/test/seed";
import { KafkaAdmin } from "./admin";
import { consoleKafkaConfig } from "./console-connection";
import { GroupMembership, type PartitionRef } from "./group-membership";
import { platformaticConnectionOptions } from "./platformatic-client";
import { RawFetcher } from "./raw-fetch";
import { type RangeMessage, readRange } from "./read-range";
import { TransactionalProducer, TransactionFailed } from "./transactional-producer";

// The pieces the stream-app runner is built of, on the real broker: transactions that fence an earlier producer of
// the same id, offsets committed with the records, read_committed readers that see committed records only (never a
// marker, never an aborted one), stable committed offsets, and partition assignment by the group protocol.
const config = consoleKafkaConfig({ clientId: "rhei-test-transactions" });
let admin: KafkaAdmin;
const input = `${uniq("txin")}.t`;
const output = `${uniq("txout")}.t`;
const group = uniq("txgroup");

async function collect(gen: AsyncGenerator<RangeMessage[]>): Promise<RangeMessage[]> {
  const out: RangeMessage[] = [];
  for await (const batch of gen) out.push(...batch);
  return out;
}

const out = (key: string, value: string, timestampMs: number) => ({
  topic: output,
  key,
  value: Buffer.from(value),
  timestampMs,
});

beforeAll(async () => {
  admin = await KafkaAdmin.connect(config);
  await admin.createTopics([
    { name: input, partitions: 4, replicationFactor: 1, configs: {} },
    { name: output, partitions: 1, replicationFactor: 1, configs: {} },
  ]);
});
afterAll(async () => {
  await admin.deleteTopics([input, output]).catch(() => undefined);
  await admin.disconnect();
});

describe("transactions for consume-transform-produce", () => {
  it("fence an earlier producer of the same id; readers see only committed records, with their timestamps", async () => {
    const fetcher = new RawFetcher(config);
    const membership = await GroupMembership.join(config, {
      groupId: group,
      topics: [input],
      onAssignment: () => undefined,
      onError: () => undefined,
    });
    const { id: coordinatorId, broker: coordinator } = await membership.coordinator();
    const g = { groupId: group, coordinatorId };
    const txnId = `${group}.tx.${input}.0`;

    const first = await TransactionalProducer.open(config, txnId);
    await first.commit([out("a", "committed 1", 1_700_000_000_000)], g, [{ topic: input, partition: 0, next: 5n }]);

    // A zombie: a raw producer of the same id with a transaction left open, then a successor takes over.
    const zombie = new Producer({
      clientId: "zombie",
      bootstrapBrokers: config.brokers,
      transactionalId: txnId,
      idempotent: true,
      producerId: -1n,
      producerEpoch: -1,
      serializers: stringSerializers,
      ...platformaticConnectionOptions(config),
    });
    const open = await zombie.beginTransaction();
    await open.send({ messages: [{ topic: output, key: "z", value: "aborted (zombie)", partition: 0 }] });

    const second = await TransactionalProducer.open(config, txnId);
    // The zombie's transaction is gone and it can commit nothing; the first producer is fenced too.
    await expect(open.commit()).rejects.toThrow();
    const error = await first
      .commit([out("a", "never", 1)], g, [{ topic: input, partition: 0, next: 99n }])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransactionFailed);
    expect((error as TransactionFailed).fenced).toBe(true);

    await second.commit([out("b", "committed 2", 1_700_000_001_000)], g, [{ topic: input, partition: 0, next: 10n }]);
    // An offsets-only transaction, and one with records but nothing consumed.
    await second.commit([], g, [{ topic: input, partition: 1, next: 3n }]);
    await second.commit([out("c", "committed 3", 1_700_000_002_000)], g, []);

    const read = await collect(readRange(config, { topics: [output], fromMs: 0 }));
    expect(read.map((m) => m.value?.toString())).toEqual(["committed 1", "committed 2", "committed 3"]);
    expect(read.map((m) => m.timestamp)).toEqual([1_700_000_000_000, 1_700_000_001_000, 1_700_000_002_000]);
    expect(read.map((m) => m.key?.toString())).toEqual(["a", "b", "c"]);

    const offsets = await fetcher.stableOffsets(coordinator, group, [
      { topic: input, partition: 0 },
      { topic: input, partition: 1 },
      { topic: input, partition: 2 },
    ]);
    expect(offsets.get(`${input}#0`)).toBe(10n);
    expect(offsets.get(`${input}#1`)).toBe(3n);
    expect(offsets.get(`${input}#2`)).toBe(-1n);

    await Promise.all([first.close(), second.close(), zombie.close(), fetcher.close(), membership.leave()]);
  });

  it("spreads a topic's partitions over the group's members, and gives them back when one leaves", async () => {
    const groupId = uniq("members");
    const seen = [new Map<number, PartitionRef[]>(), new Map<number, PartitionRef[]>()];
    const join = (i: 0 | 1) =>
      GroupMembership.join(config, {
        groupId,
        topics: [input],
        sessionTimeoutMs: 6000,
        onAssignment: (partitions, generation) => seen[i]?.set(generation, partitions),
        onError: () => undefined,
      });
    const a = await join(0);
    const latest = (i: 0 | 1) => [...(seen[i]?.entries() ?? [])].sort((x, y) => y[0] - x[0])[0];
    await expect.poll(() => latest(0)?.[1].length, { timeout: 20_000 }).toBe(4);
    const b = await join(1);
    await expect
      .poll(() => [latest(0)?.[1].length, latest(1)?.[1].length, latest(0)?.[0] === latest(1)?.[0]], {
        timeout: 30_000,
      })
      .toEqual([2, 2, true]);
    const both = [...(latest(0)?.[1] ?? []), ...(latest(1)?.[1] ?? [])].map((p) => p.partition).sort();
    expect(both).toEqual([0, 1, 2, 3]);
    await b.leave();
    await expect.poll(() => latest(0)?.[1].length, { timeout: 30_000 }).toBe(4);
    await a.leave();
  });
});
