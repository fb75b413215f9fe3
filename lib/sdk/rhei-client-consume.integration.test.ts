import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakeConsole, startFakeConsole } from "@/test/fake-console";
import { seedClientPrincipal, type TestClientPrincipal } from "@/test/kafka-client-principal";
import { consoleKafkaConfig } from "../kafka/console-connection";
import { createKafkajs } from "../kafka/kafkajs-client";
import type { RejectedRecord } from "./rejected-record";
import { RheiClient, type RheiClientOptions } from "./rhei-client";
import type { RheiRecord } from "./rhei-record";

// The consumer side of the SDK against the real broker, each test with a fresh system and client principal that
// holds only a client's ACLs (its own group, READ on .int and .ext).
let p: TestClientPrincipal;
let clients: RheiClient[] = [];
const unit = { name: "DegreeCelsius", symbol: "degC", definition: "http://qudt.org/DegreeCelsius" };

function clientFor(extra: Partial<RheiClientOptions> = {}) {
  const client = new RheiClient({
    bootstrapServers: p.bootstrapServers,
    system: p.system,
    client: p.client,
    secret: p.secret,
    datastreams: [
      { name: "Air Temperature", fullName: `${p.system}.Main.Air Temperature`, observationType: "Measurement", unit },
      { name: "Passengers", fullName: `${p.system}.Main.Passengers`, observationType: "Count", unit },
    ],
    retries: 2,
    consumer: { commitIntervalMs: 200 },
    ...extra,
  });
  clients.push(client);
  return client;
}

async function take(iterator: AsyncIterableIterator<RheiRecord>, n: number, timeoutMs = 30_000): Promise<RheiRecord[]> {
  const out: RheiRecord[] = [];
  const timer = setTimeout(() => void iterator.return?.(), timeoutMs);
  for await (const r of iterator) {
    out.push(r);
    if (out.length >= n) break;
  }
  clearTimeout(timer);
  return out;
}

async function writeRaw(topic: string, values: unknown[], key: (i: number) => string | null = () => null) {
  const producer = createKafkajs(consoleKafkaConfig()).producer();
  await producer.connect();
  await producer.send({
    topic,
    messages: values.map((v, i) => ({ key: key(i), value: typeof v === "string" ? v : JSON.stringify(v) })),
  });
  await producer.disconnect();
}

const temp = () => `${p.system}.Main.Air Temperature`;
const t = "2026-11-25T10:00:00.000001Z";

beforeEach(async () => {
  p = await seedClientPrincipal({ partitions: 2 });
});
afterEach(async () => {
  for (const c of clients) await c.close().catch(() => undefined);
  clients = [];
  await p.cleanup();
});

describe("consume", () => {
  it("delivers .int and .ext records enriched with name, unit and type; unknown datastreams untyped", async () => {
    const producer = clientFor();
    await producer.produce("Air Temperature", "21.5", { phenomenonTime: t });
    await producer.flush();
    const other = "zz.other.wc.st.Thing.Speed";
    await writeRaw(p.topics.ext, [{ phenomenonTime: t, datastream: { name: other }, result: "fast" }], () => other);
    const records = await take(clientFor().consume(), 2);
    const byName = new Map(records.map((r) => [r.datastream.fullName, r]));
    expect(byName.get(temp())).toMatchObject({
      datastream: { name: "Air Temperature", fullName: temp() },
      observationType: "Measurement",
      unit,
      phenomenonTime: t,
      result: 21.5,
      topic: p.topics.int,
      format: "rhei",
    });
    expect(byName.get(other)).toMatchObject({
      datastream: { name: "Speed", fullName: other },
      observationType: undefined,
      unit: undefined,
      result: "fast",
      topic: p.topics.ext,
    });
  });

  it("reads both legacy formats, keeps falsy attributes, and rejects what does not fit, never silently", async () => {
    const rejections: RejectedRecord[] = [];
    const reported: unknown[] = [];
    const fake: FakeConsole = await startFakeConsole(p.principal, p.secret);
    fake.handle("POST", "/api/v1/client/rejections", (body) => {
      reported.push(body);
      return { status: 204 };
    });
    fake.handle("GET", "/api/v1/client/datastreams", () => ({
      body: {
        datastreams: [
          { name: "Air Temperature", fullName: temp(), observationType: "Measurement", unit },
          { name: "Passengers", fullName: `${p.system}.Main.Passengers`, observationType: "Count", unit },
        ],
      },
    }));
    try {
      await writeRaw(
        p.topics.int,
        [
          {
            phenomenonTime: "2019-05-08T12:34:56.123456",
            resultTime: "2019-05-08T12:34:56.200000",
            Datastream: { "@iot.id": 11 },
            result: 2.98,
            longitude: 0,
            latitude: 47.8,
          },
          {
            phenomenonTime: t,
            datastream: { quantity: "Passengers", client_app: "car_1", system: p.system, thing: "Main" },
            result: "3",
            attributes: { door: false, delay: 0.0, note: "" },
          },
          { phenomenonTime: t, Datastream: { "@iot.id": 99 }, result: 1 },
          { phenomenonTime: t, datastream: { name: `${p.system}.Main.Passengers` }, result: 2.5 },
          "{not json",
        ],
        () => "legacy",
      ); // one key: one partition, so the order below is the order written
      const client = new RheiClient({
        console: fake.url,
        bootstrapServers: p.bootstrapServers,
        system: p.system,
        client: p.client,
        secret: p.secret,
        legacyDatastreamIds: { "11": temp() },
        onRejected: (r) => rejections.push(r),
      });
      clients.push(client);
      const records = await take(client.consume(), 2);
      expect(records.map((r) => [r.format, r.datastream.fullName, r.result, r.attributes])).toEqual([
        ["legacy-iot-id", temp(), 2.98, { longitude: 0, latitude: 47.8 }],
        ["legacy-dn", `${p.system}.Main.Passengers`, 3, { door: false, delay: 0, note: "" }],
      ]);
      expect(records[0]?.phenomenonTime).toBe("2019-05-08T12:34:56.123456Z");
      // The rejected ones come through the pipeline in the same batch; give the hook a moment if needed.
      for (let i = 0; i < 50 && rejections.length < 3; i++) await new Promise((r) => setTimeout(r, 100));
      expect(rejections.map((r) => r.reason)).toEqual([
        "legacy record names Datastream @iot.id 99, which has no mapping (legacyDatastreamIds)",
        `Datastream "${p.system}.Main.Passengers" (Count) cannot take 2.5: not an integer`,
        expect.stringMatching(/^not JSON/),
      ]);
      expect(rejections[1]).toMatchObject({
        topic: p.topics.int,
        claimedName: `${p.system}.Main.Passengers`,
        raw: expect.stringContaining("2.5"),
      });
      expect(client.stats.rejected).toBe(3);
      await client.close();
      expect(reported).toEqual([{ rejections: rejections.map(({ rejectedAt: _, ...wire }) => wire) }]);
      expect(fake.requests.every((r) => r.user === p.principal)).toBe(true);
    } finally {
      await fake.close();
    }
  });

  it("filters by subscription patterns locally", async () => {
    const producer = clientFor();
    for (let i = 0; i < 3; i++) {
      await producer.produce("Air Temperature", i);
      await producer.produce("Passengers", i);
    }
    await producer.flush();
    const consumer = clientFor();
    consumer.subscribe({ subscribed_datastreams: [`${p.system.split(".").slice(0, 2).join(".")}.*.*.*.Passengers`] });
    const records = await take(consumer.consume(), 3);
    expect(records.map((r) => r.datastream.name)).toEqual(["Passengers", "Passengers", "Passengers"]);
    expect(() => consumer.subscribe(["a.b"])).toThrow(/malformed/);
  });

  it("resumes from its committed position after a restart: consume 10, close, reopen, the next is the 11th", async () => {
    const producer = clientFor();
    for (let i = 1; i <= 25; i++) await producer.produce("Passengers", i);
    await producer.flush();
    const first = clientFor();
    const ten = await take(first.consume(), 10);
    expect(ten.map((r) => r.result)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    await first.close();
    const second = clientFor();
    const next = await take(second.consume(), 1);
    expect(next.map((r) => r.result)).toEqual([11]);
    await second.close();
  });

  it("holds at most its buffer while the reader is slow, and still delivers everything in order", async () => {
    const producer = clientFor({ producer: { maxBatchRecords: 500 } });
    for (let i = 0; i < 2000; i++) await producer.produce("Passengers", i);
    await producer.flush();
    const consumer = clientFor({ consumer: { maxBufferedRecords: 20, commitIntervalMs: 200 } });
    const iterator = consumer.consume();
    const firstTwo = await Promise.all([iterator.next(), iterator.next()]);
    expect(firstTwo.map((r) => (r.value as RheiRecord).result)).toEqual([0, 1]);
    await new Promise((r) => setTimeout(r, 1000)); // a slow reader: fetching must wait, not pile up
    expect(consumer.stats.waiting).toBeGreaterThan(0);
    expect(consumer.stats.waiting).toBeLessThan(40); // under twice the buffer, not the 1998 available
    const rest = await take(iterator, 1998);
    expect(rest.map((r) => r.result)).toEqual(Array.from({ length: 1998 }, (_, i) => i + 2));
  });

  it("loses nothing when a second member joins the group and takes partitions (rebalance mid-stream)", async () => {
    // Ten keys, so both partitions hold records.
    const values = Array.from({ length: 300 }, (_, i) => ({
      phenomenonTime: t,
      datastream: { name: `${p.system}.Main.Passengers` },
      result: i,
    }));
    await writeRaw(p.topics.int, values, (i) => `k${i % 10}`);
    const seen = new Set<number>();
    const perMember = [0, 0];
    const first = clientFor({ consumer: { maxBufferedRecords: 10, commitIntervalMs: 100 } }).consume();
    const second = clientFor({ consumer: { maxBufferedRecords: 10, commitIntervalMs: 100 } }).consume();
    const deadline = Date.now() + 45_000;
    const drain = async (iterator: AsyncIterableIterator<RheiRecord>, member: 0 | 1, slowMs: number) => {
      // A next() that lost the race to the timer is kept and awaited again: its record must not be dropped.
      let pending: Promise<IteratorResult<RheiRecord>> | undefined;
      while (seen.size < 300 && Date.now() < deadline) {
        pending ??= iterator.next();
        const next = await Promise.race([pending, new Promise<undefined>((r) => setTimeout(r, 500))]);
        if (next === undefined) continue;
        pending = undefined;
        if (!next.done) {
          seen.add(next.value.result as number);
          perMember[member] = (perMember[member] ?? 0) + 1;
        }
        if (slowMs) await new Promise((r) => setTimeout(r, slowMs));
      }
    };
    // The first member starts alone and slowly (its buffer full, its fetch waiting); the second joins meanwhile.
    const firstDone = drain(first, 0, 30);
    await new Promise((r) => setTimeout(r, 1000));
    await Promise.all([firstDone, drain(second, 1, 30)]);
    expect(seen.size).toBe(300);
    expect(perMember[0]).toBeGreaterThan(0);
    expect(perMember[1]).toBeGreaterThan(0); // the second member did take partitions
    await Promise.all([first.return?.(), second.return?.()]);
  });

  it("starts from a time when asked (consume --from)", async () => {
    const producer = clientFor();
    await producer.produce("Passengers", 1);
    await producer.flush();
    await new Promise((r) => setTimeout(r, 50));
    const middle = new Date();
    await new Promise((r) => setTimeout(r, 50));
    await producer.produce("Passengers", 2);
    await producer.flush();
    const records = await take(clientFor().consume({ from: middle }), 1);
    expect(records.map((r) => r.result)).toEqual([2]);
  });
});

describe("replay and tail", () => {
  it("replay reads [from, to) without the group while a live consumer keeps running", async () => {
    const producer = clientFor();
    await producer.produce("Passengers", 1);
    await producer.flush();
    const live = clientFor();
    const liveIterator = live.consume();
    expect((await liveIterator.next()).value?.result).toBe(1);
    await new Promise((r) => setTimeout(r, 20));
    const from = new Date();
    for (let i = 2; i <= 6; i++) await producer.produce("Passengers", i);
    await producer.flush();
    await new Promise((r) => setTimeout(r, 20));
    const to = new Date();
    await producer.produce("Passengers", 7);
    await producer.flush();

    const progress: { read: number; total: number | undefined }[] = [];
    const replayed: unknown[] = [];
    for await (const r of clientFor().replay(from, to, { onProgress: (x) => progress.push(x) }))
      replayed.push(r.result);
    expect(replayed).toEqual([2, 3, 4, 5, 6]);
    expect(progress.at(-1)).toEqual({ read: 5, total: 5 });
    // The live member was not disturbed: it continues with 2.
    expect((await liveIterator.next()).value?.result).toBe(2);
    await expect(async () => {
      for await (const _ of clientFor().replay(to, from)) break;
    }).rejects.toThrow(/after/);
  });

  it("tail follows new records from now without the group", async () => {
    const producer = clientFor();
    await producer.produce("Passengers", 1);
    await producer.flush();
    const abort = new AbortController();
    const tailer = clientFor().tail({ signal: abort.signal });
    const got = take(tailer, 2);
    await new Promise((r) => setTimeout(r, 1000));
    await producer.produce("Passengers", 2);
    await producer.produce("Passengers", 3);
    await producer.flush();
    expect((await got).map((r) => r.result)).toEqual([2, 3]);
    abort.abort();
  });
});

afterAll(() => undefined);

describe("provenance: records on <system>.int count only as that system's data", () => {
  it("rejects, visibly, a record a client wrote into its own .int under another system's datastream", async () => {
    const victim = "it.victim.wc.Car2.Main.Air Temperature";
    // Written with the client's own credentials, as a third-party Kafka client would: its ACLs allow .int.
    const forger = createKafkajs(p.kafka).producer();
    await forger.connect();
    await forger.send({
      topic: p.topics.int,
      messages: [
        { key: victim, value: JSON.stringify({ phenomenonTime: t, datastream: { name: victim }, result: 99 }) },
        // The key says one thing, the record another: neither may pass.
        { key: temp(), value: JSON.stringify({ phenomenonTime: t, datastream: { name: victim }, result: 98 }) },
        { key: temp(), value: JSON.stringify({ phenomenonTime: t, datastream: { name: temp() }, result: 21 }) },
      ],
    });
    await forger.disconnect();
    // Another system's record delivered into .ext (where only stream apps write) is data as usual.
    await writeRaw(p.topics.ext, [{ phenomenonTime: t, datastream: { name: victim }, result: 5 }], () => victim);

    const rejected: RejectedRecord[] = [];
    const consumer = clientFor({ onRejected: (r) => rejected.push(r) });
    consumer.subscribe(["*"]);
    // Records and rejections come from different partitions in any order: keep reading until both are complete.
    const records: RheiRecord[] = [];
    const stream = consumer.consume();
    const reading = (async () => {
      for await (const r of stream) records.push(r);
    })();
    await expect.poll(() => records.length + rejected.length, { timeout: 30_000 }).toBe(4);
    await stream.return?.();
    await reading;
    expect(records.map((r) => [r.topic, r.datastream.fullName, r.result]).sort()).toEqual(
      [
        [p.topics.ext, victim, 5],
        [p.topics.int, temp(), 21],
      ].sort(),
    );
    expect(rejected.map((r) => r.reason)).toEqual([
      expect.stringMatching(/names a datastream of another system: records on .*\.int count only as data of it\.sdk/),
      expect.stringMatching(/names a datastream of another system/),
    ]);
    expect(rejected[0]).toMatchObject({ topic: p.topics.int, claimedName: victim, offset: expect.any(String) });
    expect(consumer.stats.rejected).toBe(2);

    // Replay reads the same messages and judges them the same way, even for a client subscribed to the victim only.
    const replayRejected: RejectedRecord[] = [];
    const replayer = clientFor({ onRejected: (r) => replayRejected.push(r) });
    replayer.subscribe([victim]);
    const replayed: RheiRecord[] = [];
    for await (const r of replayer.replay(Date.parse(t) - 1, Date.now() + 60_000)) replayed.push(r);
    expect(replayed.map((r) => [r.topic, r.result])).toEqual([[p.topics.ext, 5]]);
    // The one keyed as the victim's is decoded and refused (never delivered as the victim's data); the one keyed as
    // the client's own datastream is outside this subscription and skipped by its key, as all unsubscribed data is.
    expect(replayRejected.map((r) => [r.claimedName, r.reason])).toEqual([
      [victim, expect.stringMatching(/names a datastream of another system/)],
    ]);
  });
});
