// SDK produce and consume throughput against raw kafkajs, on the same broker, as the same restricted client
// principal, with the same records (count, keys, JSON size), in one process. Several rounds, who goes first
// alternating; prints per path the median records/s of each side, the median of the rounds' SDK/raw ratios (goal
// ≥ 0.9) and each round's ratio, and the same from CPU time per record (less sensitive to other work on the
// machine). Progress on stderr; the table on stdout. What each side does: bench/README.md.
//
//   RHEI_TEST_PORT_OFFSET=<n> RHEI_PROFILE=test bash scripts/with-env.sh \
//     node --import tsx --import ./scripts/runtime/register-hooks.mjs bench/sdk-throughput.ts \
//     [records=100000] [rounds=5] [--only=produce|consume]
import { createKafkajs } from "@/lib/kafka/kafkajs-client";
import { RheiClient } from "@/lib/sdk";
import { seedClientPrincipal } from "@/test/kafka-client-principal";

const args = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
const records = Number(args[0] ?? 100_000);
const rounds = Number(args[1] ?? 5);
if (!(records > 0 && Number.isInteger(records) && rounds > 0 && Number.isInteger(rounds))) {
  throw new Error(`records and rounds must be positive integers, got ${args[0]} and ${args[1]}`);
}
if (only !== undefined && only !== "produce" && only !== "consume") {
  throw new Error(`--only must be produce or consume, got ${only}`);
}
const datastreams = 10;
const batch = 1000;

const p = await seedClientPrincipal({ partitions: 3 });
const names = Array.from({ length: datastreams }, (_, i) => `${p.system}.Main.Sensor ${i}`);
const unit = {
  name: "DegreeCelsius",
  symbol: "degC",
  definition: "http://www.qudt.org/qudt/owl/1.0.0/unit/Instances.html#DegreeCelsius",
};
const attributes = { longitude: 13.0456, latitude: 47.8095, quality: "good" };

function progress(text: string) {
  process.stderr.write(`\r\u001b[2K${text}`);
}

interface Timing {
  /** Records handled. */
  n: number;
  /** Wall-clock ms. */
  ms: number;
  /** CPU ms of this process (all its threads) over the same span. */
  cpuMs: number;
}

function stopwatch() {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return (n: number): Timing => {
    const used = process.cpuUsage(cpu);
    return { n, ms: performance.now() - wall, cpuMs: (used.user + used.system) / 1000 };
  };
}

const phenomenonMs = (i: number) => 1_700_000_000_000 + i;
// As the SDK writes them: six fraction digits, UTC; resultTime (when it was produced) a little after phenomenonTime.
const canonical = (ms: number) => new Date(ms).toISOString().replace("Z", "000Z");

// The record both sides write: the canonical format, ~230 bytes of JSON, key = the datastream's full name.
function rawValue(i: number): string {
  return JSON.stringify({
    phenomenonTime: canonical(phenomenonMs(i)),
    resultTime: canonical(phenomenonMs(i) + 7),
    datastream: { name: names[i % datastreams] },
    result: 20 + (i % 100) / 10,
    attributes,
  });
}

async function rawProduce(): Promise<Timing> {
  const producer = createKafkajs(p.kafka).producer({ idempotent: true, maxInFlightRequests: 1, retry: { retries: 5 } });
  await producer.connect();
  const stop = stopwatch();
  for (let i = 0; i < records; i += batch) {
    const messages = [];
    for (let j = i; j < Math.min(records, i + batch); j++)
      messages.push({ key: names[j % datastreams] as string, value: rawValue(j) });
    await producer.sendBatch({ acks: -1, topicMessages: [{ topic: p.topics.int, messages }] });
    if (i % 20_000 === 0) progress(`raw kafkajs produce: ${i.toLocaleString()} / ${records.toLocaleString()}`);
  }
  const timing = stop(records);
  await producer.disconnect();
  return timing;
}

function sdkClient() {
  return new RheiClient({
    bootstrapServers: p.bootstrapServers,
    system: p.system,
    client: p.client,
    secret: p.secret,
    datastreams: names.map((fullName) => ({
      name: fullName.split(".").at(-1) as string,
      fullName,
      observationType: "Measurement",
      unit,
    })),
  });
}

async function sdkProduce(): Promise<Timing> {
  const client = sdkClient();
  await client.connect();
  const stop = stopwatch();
  for (let i = 0; i < records; i++) {
    await client.produce(names[i % datastreams] as string, 20 + (i % 100) / 10, {
      phenomenonTime: phenomenonMs(i),
      attributes,
    });
    if (i % 20_000 === 0) progress(`SDK produce: ${i.toLocaleString()} / ${records.toLocaleString()}`);
  }
  await client.flush();
  const timing = stop(records);
  await client.close();
  return timing;
}

// Both consumers read the whole topic as the client's group, timed from the first record to the last, so joining
// and leaving the group are not counted. The SDK commits what it delivered (that is its job), so the console's
// principal moves the group back to the start before each read.
async function rewindGroup(): Promise<void> {
  for (const topic of [p.topics.int, p.topics.ext]) {
    await p.admin.kafkajs.resetOffsets({ groupId: p.principal, topic, earliest: true });
  }
}

async function rawConsume(total: number): Promise<Timing> {
  await rewindGroup();
  const consumer = createKafkajs(p.kafka).consumer({ groupId: p.principal, maxWaitTimeInMs: 1000 });
  await consumer.connect();
  await consumer.subscribe({ topics: [p.topics.int, p.topics.ext], fromBeginning: true });
  let n = 0;
  let stop: ((n: number) => Timing) | undefined;
  let sum = 0;
  const done = new Promise<Timing>((resolve) => {
    void consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch: b }) => {
        stop ??= stopwatch();
        for (const m of b.messages) {
          // What any consumer must do at least: parse the record and look at it.
          const record = JSON.parse(m.value?.toString() ?? "null") as { result: number };
          sum += record.result;
          n++;
        }
        if (n % 20_000 < b.messages.length)
          progress(`raw kafkajs consume: ${n.toLocaleString()} / ${total.toLocaleString()}`);
        if (n >= total) resolve(stop(n));
      },
    });
  });
  const timing = await done;
  await consumer.disconnect();
  if (sum === 0) throw new Error("nothing consumed");
  return timing;
}

async function sdkConsume(total: number): Promise<Timing> {
  await rewindGroup();
  const client = sdkClient();
  let n = 0;
  let stop: ((n: number) => Timing) | undefined;
  let timing: Timing | undefined;
  let sum = 0;
  for await (const record of client.consume()) {
    stop ??= stopwatch();
    sum += record.result as number;
    if (++n % 20_000 === 0) progress(`SDK consume: ${n.toLocaleString()} / ${total.toLocaleString()}`);
    if (n >= total) {
      // Timed to the last record, like the raw side: leaving the group (on break) is not throughput.
      timing = stop(n);
      break;
    }
  }
  await client.close();
  if (sum === 0 || !timing) throw new Error("nothing consumed");
  return timing;
}

type Side = "raw" | "sdk";
type Path = "produce" | "consume";
interface Round {
  raw: Timing;
  sdk: Timing;
}
const results: Record<Path, Round[]> = { produce: [], consume: [] };

async function measure(path: Path, sdkFirst: boolean, run: Record<Side, () => Promise<Timing>>) {
  const order: Side[] = sdkFirst ? ["sdk", "raw"] : ["raw", "sdk"];
  const round: Partial<Round> = {};
  for (const side of order) round[side] = await run[side]();
  results[path].push(round as Round);
}

let inTopic = 0;
try {
  if (only === "consume") {
    // Consume alone: the records are written once, by the raw producer.
    await rawProduce();
    inTopic += records;
  }
  for (let round = 1; round <= rounds; round++) {
    // Who goes first alternates, so neither side always meets a warmer broker, a fuller log or a fresher heap.
    const sdkFirst = round % 2 === 0;
    if (only !== "consume") {
      await measure("produce", sdkFirst, { raw: rawProduce, sdk: sdkProduce });
      inTopic += 2 * records;
    }
    if (only !== "produce") {
      // Both sides of a round read the same records (the whole topic so far), so a round's ratio compares like
      // with like even as the topic grows from round to round.
      const total = inTopic;
      await measure("consume", sdkFirst, { raw: () => rawConsume(total), sdk: () => sdkConsume(total) });
    }
    progress(`round ${round} of ${rounds} done\n`);
  }
} finally {
  await p.cleanup();
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const perSecond = (t: Timing) => (t.n * 1000) / t.ms;
const cpuMicros = (t: Timing) => (t.cpuMs * 1000) / t.n;
const count = (n: number) => Math.round(n).toLocaleString("en-US");
const ratios = (xs: number[]) => `${median(xs).toFixed(2)} (${xs.map((r) => r.toFixed(2)).join(" ")})`;

console.log(
  `SDK vs raw kafkajs: ${count(records)} records of ${Buffer.byteLength(rawValue(0))} bytes, ${datastreams} keys, 3 partitions, ${rounds} round(s), who goes first alternating`,
);
console.log(
  "| path    | raw rec/s | SDK rec/s | SDK/raw rec/s, median (per round) | raw CPU µs/rec | SDK CPU µs/rec | raw/SDK CPU per record, median (per round) |",
);
console.log(
  "| ------- | --------: | --------: | --------------------------------- | -------------: | -------------: | ------------------------------------------ |",
);
for (const path of ["produce", "consume"] as const) {
  const rs = results[path];
  if (rs.length === 0) continue;
  console.log(
    `| ${path} | ${count(median(rs.map((r) => perSecond(r.raw))))} | ${count(median(rs.map((r) => perSecond(r.sdk))))} | ${ratios(rs.map((r) => perSecond(r.sdk) / perSecond(r.raw)))} | ${median(rs.map((r) => cpuMicros(r.raw))).toFixed(2)} | ${median(rs.map((r) => cpuMicros(r.sdk))).toFixed(2)} | ${ratios(rs.map((r) => cpuMicros(r.raw) / cpuMicros(r.sdk)))} |`,
  );
}
process.exit(0);
