// SDK produce and consume throughput against raw kafkajs, on the same broker, as the same restricted client
// principal, with the same records (count, keys, JSON size), in one run. Prints records/s side by side and the
// ratio SDK/raw (goal ≥ 0.9). Progress on stderr; the table on stdout.
//
//   RHEI_TEST_PORT_OFFSET=<n> RHEI_PROFILE=test bash scripts/with-env.sh \
//     node --import tsx --import ./scripts/runtime/register-hooks.mjs bench/sdk-throughput.ts [records=100000] [rounds=3]
import { createKafkajs } from "@/lib/kafka/kafkajs-client";
import { RheiClient } from "@/lib/sdk";
import { seedClientPrincipal } from "@/test/kafka-client-principal";

const records = Number(process.argv[2] ?? 100_000);
const rounds = Number(process.argv[3] ?? 3);
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

function rate(n: number, ms: number) {
  return Math.round((n * 1000) / ms);
}

// The record both sides write: the canonical format, a ~300-byte JSON value, key = the datastream's full name.
function rawValue(i: number): string {
  const time = new Date(1_700_000_000_000 + i).toISOString();
  return JSON.stringify({
    phenomenonTime: time,
    resultTime: time,
    datastream: { name: names[i % datastreams] },
    result: 20 + (i % 100) / 10,
    attributes,
  });
}

async function rawProduce(): Promise<number> {
  const producer = createKafkajs(p.kafka).producer({ idempotent: true, maxInFlightRequests: 1, retry: { retries: 5 } });
  await producer.connect();
  const started = performance.now();
  for (let i = 0; i < records; i += batch) {
    const messages = [];
    for (let j = i; j < Math.min(records, i + batch); j++)
      messages.push({ key: names[j % datastreams] as string, value: rawValue(j) });
    await producer.sendBatch({ acks: -1, topicMessages: [{ topic: p.topics.int, messages }] });
    if (i % 20_000 === 0) progress(`raw kafkajs produce: ${i.toLocaleString()} / ${records.toLocaleString()}`);
  }
  const ms = performance.now() - started;
  await producer.disconnect();
  return ms;
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

async function sdkProduce(): Promise<number> {
  const client = sdkClient();
  await client.connect();
  const started = performance.now();
  for (let i = 0; i < records; i++) {
    await client.produce(names[i % datastreams] as string, 20 + (i % 100) / 10, {
      phenomenonTime: 1_700_000_000_000 + i,
      attributes,
    });
    if (i % 20_000 === 0) progress(`SDK produce: ${i.toLocaleString()} / ${records.toLocaleString()}`);
  }
  await client.flush();
  const ms = performance.now() - started;
  await client.close();
  return ms;
}

// Both consumers read the whole topic (every round's records) as the client's group, timed from the first record
// to the last, so joining the group is not counted. The SDK commits what it delivered (that is its job), so the
// console's principal moves the group back to the start before each read.
async function rewindGroup(): Promise<void> {
  for (const topic of [p.topics.int, p.topics.ext]) {
    await p.admin.kafkajs.resetOffsets({ groupId: p.principal, topic, earliest: true });
  }
}

async function rawConsume(total: number): Promise<number> {
  await rewindGroup();
  const consumer = createKafkajs(p.kafka).consumer({ groupId: p.principal, maxWaitTimeInMs: 1000 });
  await consumer.connect();
  await consumer.subscribe({ topics: [p.topics.int, p.topics.ext], fromBeginning: true });
  let n = 0;
  let started = 0;
  let sum = 0;
  const done = new Promise<number>((resolve) => {
    void consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch: b }) => {
        if (n === 0) started = performance.now();
        for (const m of b.messages) {
          // What any consumer must do at least: parse the record and look at it.
          const record = JSON.parse(m.value?.toString() ?? "null") as { result: number };
          sum += record.result;
          n++;
        }
        if (n % 20_000 < b.messages.length)
          progress(`raw kafkajs consume: ${n.toLocaleString()} / ${total.toLocaleString()}`);
        if (n >= total) resolve(performance.now() - started);
      },
    });
  });
  const ms = await done;
  await consumer.disconnect();
  if (sum === 0) throw new Error("nothing consumed");
  return ms;
}

async function sdkConsume(total: number): Promise<number> {
  await rewindGroup();
  const client = sdkClient();
  let n = 0;
  let started = 0;
  let ms = 0;
  let sum = 0;
  for await (const record of client.consume()) {
    if (n === 0) started = performance.now();
    sum += record.result as number;
    if (++n % 20_000 === 0) progress(`SDK consume: ${n.toLocaleString()} / ${total.toLocaleString()}`);
    if (n >= total) {
      // Timed to the last record, like the raw side: leaving the group (on break) is not throughput.
      ms = performance.now() - started;
      break;
    }
  }
  await client.close();
  if (sum === 0) throw new Error("nothing consumed");
  return ms;
}

const best = {
  rawProduce: Number.POSITIVE_INFINITY,
  sdkProduce: Number.POSITIVE_INFINITY,
  rawConsume: Number.POSITIVE_INFINITY,
  sdkConsume: Number.POSITIVE_INFINITY,
};
try {
  for (let round = 1; round <= rounds; round++) {
    // Who goes first alternates, so neither side always meets a warmer broker or a fuller log.
    const sdkFirst = round % 2 === 0;
    const produce = [rawProduce, sdkProduce];
    for (const run of sdkFirst ? produce.reverse() : produce) {
      const ms = await run();
      if (run === rawProduce) best.rawProduce = Math.min(best.rawProduce, ms);
      else best.sdkProduce = Math.min(best.sdkProduce, ms);
    }
    const total = 2 * records * round;
    const consume = [rawConsume, sdkConsume];
    for (const run of sdkFirst ? consume.reverse() : consume) {
      const ms = (await run(total)) / (total / records);
      if (run === rawConsume) best.rawConsume = Math.min(best.rawConsume, ms);
      else best.sdkConsume = Math.min(best.sdkConsume, ms);
    }
    progress(`round ${round} of ${rounds} done\n`);
  }
} finally {
  await p.cleanup();
}

const row = (what: string, raw: number, sdk: number) =>
  `| ${what.padEnd(8)} | ${rate(records, raw).toLocaleString().padStart(12)} | ${rate(records, sdk).toLocaleString().padStart(12)} | ${(raw / sdk).toFixed(2).padStart(9)} |`;
console.log(
  `SDK vs raw kafkajs, ${records.toLocaleString()} records of ${Buffer.byteLength(rawValue(0))} bytes, ${datastreams} keys, 3 partitions, best of ${rounds} round(s)`,
);
console.log("| path     |  raw rec/s   |  SDK rec/s   | SDK / raw |");
console.log("| -------- | ------------ | ------------ | --------- |");
console.log(row("produce", best.rawProduce, best.sdkProduce));
console.log(row("consume", best.rawConsume, best.sdkConsume));
process.exit(0);
