import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedClientPrincipal, type TestClientPrincipal } from "@/test/kafka-client-principal";
import { recentMinute } from "@/test/recent-time";
import { consoleKafkaConfig } from "./console-connection";
import { kafkaErrorKind } from "./errors";
import { createKafkajs } from "./kafkajs-client";
import { KafkaProducer } from "./producer";
import { planRange, type RangeMessage, readRange } from "./read-range";

// Against the real broker, as a restricted client principal (see test/kafka-client-principal.ts): its ACLs allow
// no group but its own, so a read that worked here joined none.
let p: TestClientPrincipal;
const base = recentMinute(10);

async function collect(gen: AsyncGenerator<RangeMessage[]>): Promise<RangeMessage[]> {
  const out: RangeMessage[] = [];
  for await (const batch of gen) out.push(...batch);
  return out;
}

beforeAll(async () => {
  p = await seedClientPrincipal({ partitions: 2 });
  // Records with chosen broker timestamps, one per second from `base`, written by the console's principal.
  const producer = createKafkajs(consoleKafkaConfig()).producer();
  await producer.connect();
  await producer.send({
    topic: p.topics.int,
    messages: Array.from({ length: 20 }, (_, i) => ({
      key: `k${i % 3}`,
      value: `int-${i}`,
      timestamp: String(base + i * 1000),
    })),
  });
  await producer.send({
    topic: p.topics.ext,
    messages: Array.from({ length: 5 }, (_, i) => ({
      key: "x",
      value: `ext-${i}`,
      timestamp: String(base + i * 1000),
    })),
  });
  await producer.disconnect();
});
afterAll(() => p?.cleanup());

describe("KafkaProducer as a restricted client", () => {
  it("sends idempotently to its .int and .log, with nothing but WRITE on them", async () => {
    const producer = await KafkaProducer.connect(p.kafka, { idempotent: true });
    await producer.send([
      { topic: p.topics.log, key: p.principal, value: "hello" },
      { topic: p.topics.log, key: p.principal, value: "again" },
    ]);
    await producer.disconnect();
    const logged = await collect(readRange(consoleKafkaConfig(), { topics: [p.topics.log], fromMs: 0 }));
    expect(logged.map((m) => m.value?.toString())).toEqual(["hello", "again"]);
  });

  it("is refused on .ext, which it may only read", async () => {
    const producer = await KafkaProducer.connect({ ...p.kafka, retries: 0 });
    const error = await producer.send([{ topic: p.topics.ext, key: "k", value: "v" }]).catch((e: unknown) => e);
    await producer.disconnect();
    expect(kafkaErrorKind(error)).toBe("authorization");
  });
});

describe("readRange without a consumer group", () => {
  it("reads exactly [from, to) of .int and .ext by broker time", async () => {
    const messages = await collect(
      readRange(p.kafka, { topics: [p.topics.int, p.topics.ext], fromMs: base + 5000, toMs: base + 12_000 }),
    );
    const ints = messages.filter((m) => m.topic === p.topics.int).map((m) => m.value?.toString());
    expect(ints.sort()).toEqual(["int-10", "int-11", "int-5", "int-6", "int-7", "int-8", "int-9"].sort());
    expect(messages.filter((m) => m.topic === p.topics.ext)).toEqual([]);
    for (const m of messages) {
      expect(m.timestamp).toBeGreaterThanOrEqual(base + 5000);
      expect(m.timestamp).toBeLessThan(base + 12_000);
    }
    // Each partition in offset order.
    for (const partition of [0, 1]) {
      const offsets = messages
        .filter((m) => m.partition === partition && m.topic === p.topics.int)
        .map((m) => Number(m.offset));
      expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    }
  });

  it("reads to the end when no upper bound is given, and plans the offsets it will cover", async () => {
    const all = await collect(readRange(p.kafka, { topics: [p.topics.ext], fromMs: 0, maxBytes: 64 }));
    expect(all.map((m) => m.value?.toString())).toEqual(["ext-0", "ext-1", "ext-2", "ext-3", "ext-4"]);
    const plan = await planRange(p.kafka, { topics: [p.topics.int], fromMs: base + 18_000 });
    const total = plan.reduce((n, r) => n + Number((r.end ?? 0n) - r.start), 0);
    expect(total).toBe(2);
  });

  it("follows new records when asked, until aborted", async () => {
    const abort = new AbortController();
    const seen: string[] = [];
    const reading = (async () => {
      for await (const batch of readRange(p.kafka, {
        topics: [p.topics.int],
        fromMs: Date.now(),
        follow: true,
        maxWaitMs: 100,
        signal: abort.signal,
      })) {
        for (const m of batch) seen.push(m.value?.toString() ?? "");
        if (seen.length >= 2) abort.abort();
      }
    })();
    await new Promise((r) => setTimeout(r, 500));
    const producer = await KafkaProducer.connect(p.kafka);
    await producer.send([
      { topic: p.topics.int, key: "a", value: "live-1" },
      { topic: p.topics.int, key: "a", value: "live-2" },
    ]);
    await producer.disconnect();
    await reading;
    expect(seen).toEqual(["live-1", "live-2"]);
  });

  it("is refused, as an authorization error, on a topic the principal may not read", async () => {
    const error = await collect(readRange({ ...p.kafka, retries: 0 }, { topics: [p.topics.log], fromMs: 0 })).catch(
      (e: unknown) => e,
    );
    expect(kafkaErrorKind(error)).toBe("authorization");
  });

  it("reports a wrong secret as an authentication error", async () => {
    const wrong = {
      ...p.kafka,
      retries: 0,
      sasl: { mechanism: "scram-sha-512" as const, username: p.principal, password: "nope" },
    };
    const error = await collect(readRange(wrong, { topics: [p.topics.int], fromMs: 0 })).catch((e: unknown) => e);
    expect(kafkaErrorKind(error)).toBe("authentication");
  });
});
