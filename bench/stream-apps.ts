// A filter app's throughput and latency next to a raw consume-filter-produce loop with the same delivery guarantee
// (one transactional id per input partition, records and offsets in one Kafka transaction, read_committed), on the
// same broker, the same records, in the same run: several rounds, who goes first alternating, medians and the
// median of the rounds' ratios, by wall clock and by CPU time per record (less sensitive to other work on a shared
// machine); then end-to-end latency at a steady rate; then the app with 1, 2 and 3 worker processes on 6
// partitions. Progress on stderr; the table on stdout and in bench/results/stream-apps.json. What each side does:
// bench/README.md.
//
//   RHEI_TEST_PORT_OFFSET=<n> RHEI_PROFILE=test bash scripts/with-env.sh \
//     node --import tsx --import ./scripts/runtime/register-hooks.mjs bench/stream-apps.ts [records=200000] [rounds=3]
import type { ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { db } from "@/lib/db/client";
import { KafkaAdmin } from "@/lib/kafka/admin";
import { consoleKafkaConfig } from "@/lib/kafka/console-connection";
import { GroupMembership } from "@/lib/kafka/group-membership";
import { PartitionReader } from "@/lib/kafka/partition-reader";
import { KafkaProducer } from "@/lib/kafka/producer";
import { RawFetcher } from "@/lib/kafka/raw-fetch";
import { type OutputRecord, TransactionalProducer } from "@/lib/kafka/transactional-producer";
import { createStreamApp } from "@/lib/stream-apps/create-stream-app";
import { deployStreamApp } from "@/lib/stream-apps/deploy-stream-app";
import { stopStreamApp } from "@/lib/stream-apps/stop-stream-app";
import { streamAppGroup } from "@/lib/topology/principals";
import { systemTopics } from "@/lib/topology/system-topics";
import { provision, seedStreamCompany, seedStreamSystem, type WorldSystem } from "@/test/stream-app-world";
import { exited, startWorkerProcess } from "@/test/worker-process";

const records = Number(process.argv[2] ?? 200_000);
const rounds = Number(process.argv[3] ?? 3);
if (!(records > 0 && Number.isInteger(records) && rounds > 0 && Number.isInteger(rounds))) {
  throw new Error(`records and rounds must be positive integers, got ${process.argv[2]} and ${process.argv[3]}`);
}
const PARTITIONS = 6;
const LIVE_RATE = 2000; // records/s while measuring latency
const LIVE_SECONDS = 10;
const config = consoleKafkaConfig({ clientId: "rhei-bench-stream-apps" });

function progress(text: string) {
  process.stderr.write(`\r\u001b[2K${text}`);
}

// ---- the world: a source of 6 partitions and 10 Measurement datastreams, preloaded -------------------------------
const world = await seedStreamCompany(0);
const source = await seedStreamSystem(world.admin, world.company.id, PARTITIONS, 10);
await provision([world.company.id]);
const admin = await KafkaAdmin.connect(config);
const names = source.extra;
const canonical = (ms: number) => new Date(ms).toISOString().replace("Z", "000Z");
// The canonical record (~190 bytes), as the SDK writes it; half of them have result >= 25 (what the query keeps).
const value = (i: number, timeMs: number) =>
  JSON.stringify({
    phenomenonTime: canonical(timeMs),
    resultTime: canonical(timeMs + 7),
    datastream: { name: names[i % names.length] },
    result: 20 + (i % 100) / 10,
    attributes: { quality: "good" },
  });
const selected = (i: number) => 20 + (i % 100) / 10 >= 25;
const QUERY = `SELECT * FROM ${source.name} WHERE result >= 25`;

async function write(from: number, count: number, time: (i: number) => number) {
  const producer = await KafkaProducer.connect(config);
  for (let i = from; i < from + count; i += 1000) {
    const batch = [];
    for (let j = i; j < Math.min(from + count, i + 1000); j++) {
      batch.push({
        topic: systemTopics(source.name).int,
        key: names[j % names.length] as string,
        value: value(j, time(j)),
      });
    }
    await producer.send(batch);
    if (from === 0 && i % 20_000 === 0) progress(`preloading ${i.toLocaleString()} / ${count.toLocaleString()}`);
  }
  await producer.disconnect();
}
const base = 1_700_000_000_000;
await write(0, records, (i) => base + i);

/** Records in the source now (every run reads all of them: the preloaded and earlier runs' live ones). */
async function sourceSize(): Promise<number> {
  return (await admin.topicOffsets(systemTopics(source.name).int)).reduce(
    (n, p) => n + Number(p.end) - Number(p.start),
    0,
  );
}

async function committed(groupId: string): Promise<number> {
  const [row] = await admin.kafkajs.fetchOffsets({ groupId, topics: [systemTopics(source.name).int] });
  return (row?.partitions ?? []).reduce((n, p) => n + Math.max(0, Number(p.offset)), 0);
}

interface Run {
  /** Seconds from the first committed offset to the last. */
  seconds: number;
  inPerSecond: number;
  outPerSecond: number;
  /** CPU time (user + system) of the processes doing the work, per 1000 records read. */
  cpuMsPerThousand: number;
}

/** CPU ms (user + system) of this process, or of other processes by pid (from /proc, in clock ticks of 10 ms). */
function cpuMs(pids?: number[]): number {
  if (!pids) {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  }
  let ticks = 0;
  for (const pid of pids) {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    ticks += Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
  }
  return ticks * 10;
}

/**
 * Waits until the group committed every record of the source; times from its first progress to the end, and the
 * CPU the workers (`pids`; this process when absent) spent meanwhile.
 */
async function drain(groupId: string, label: string, pids?: number[]): Promise<Run> {
  let started: number | undefined;
  let startedAt = 0;
  let cpuAtStart = 0;
  const total = await sourceSize();
  for (;;) {
    const done = await committed(groupId);
    const now = performance.now();
    if (started === undefined && done > 0) {
      started = now;
      startedAt = done;
      cpuAtStart = cpuMs(pids);
    }
    progress(`${label}: ${done.toLocaleString()} / ${total.toLocaleString()}`);
    if (done >= total && started !== undefined) {
      // Records committed in the first observed transaction are not in the timed span. Half of every record
      // written here (preloaded and live) is selected.
      const seconds = (now - started) / 1000;
      const n = total - startedAt;
      const cpu = cpuMs(pids) - cpuAtStart;
      return { seconds, inPerSecond: n / seconds, outPerSecond: n / 2 / seconds, cpuMsPerThousand: (cpu / n) * 1000 };
    }
    await sleep(50);
  }
}

/** p50 and p99 of (arrival at a read_committed reader − phenomenon time = send time), for live records. */
async function liveLatency(target: WorldSystem, label: string): Promise<{ p50: number; p99: number; n: number }> {
  const reader = PartitionReader.open(config);
  await reader.add([systemTopics(target.name).ext], "latest");
  const latencies: number[] = [];
  let stop = false;
  const reading = (async () => {
    while (!stop) {
      for (const m of await reader.fetch({ maxWaitMs: 100 })) latencies.push(Date.now() - m.timestamp);
    }
  })();
  const start = records * 10;
  const total = LIVE_RATE * LIVE_SECONDS;
  const producer = await KafkaProducer.connect(config);
  const t0 = performance.now();
  for (let i = 0; i < total; i += LIVE_RATE / 10) {
    const batch = [];
    for (let j = i; j < i + LIVE_RATE / 10; j++) {
      batch.push({
        topic: systemTopics(source.name).int,
        key: names[j % names.length] as string,
        value: value(start + j, Date.now()),
      });
    }
    await producer.send(batch);
    progress(`${label} latency: sent ${(i + LIVE_RATE / 10).toLocaleString()} / ${total.toLocaleString()}`);
    const due = t0 + ((i + LIVE_RATE / 10) / LIVE_RATE) * 1000;
    await sleep(Math.max(0, due - performance.now()));
  }
  await producer.disconnect();
  const want = Array.from({ length: total }, (_, j) => start + j).filter(selected).length;
  const deadline = Date.now() + 30_000;
  while (latencies.length < want && Date.now() < deadline) await sleep(100);
  stop = true;
  await reading;
  await reader.close();
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { p50: at(0.5), p99: at(0.99), n: sorted.length };
}

// ---- raw: the same loop without Rhei's pipeline, grants, metrics or database ----------------------------------
async function rawRun(target: WorldSystem, withLatency: boolean) {
  const groupId = `bench-raw-${Date.now()}`;
  const membership = await GroupMembership.join(config, {
    groupId,
    topics: [systemTopics(source.name).int],
    onAssignment: () => undefined,
    onError: () => undefined,
  });
  const [layout, coordinator] = await Promise.all([
    membership.layout([systemTopics(source.name).int]),
    membership.coordinator(),
  ]);
  const topic = systemTopics(source.name).int;
  const t = layout.get(topic);
  if (!t) throw new Error("no layout");
  let stopping = false;
  const loops = t.leaders.map(async (leader, partition) => {
    const producer = await TransactionalProducer.open(config, `${groupId}.tx.${partition}`);
    const fetcher = new RawFetcher(config);
    let position = 0n;
    while (!stopping) {
      const [p] = await fetcher.fetch(
        leader,
        [{ topic, topicId: t.id, partition, offset: position, maxBytes: 1_048_576 }],
        500,
      );
      if (!p || p.next === position) continue;
      const out: OutputRecord[] = [];
      for (const r of p.records) {
        const body = JSON.parse(r.value?.toString() ?? "null") as { result: number; phenomenonTime: string };
        if (body.result >= 25 && r.value) {
          out.push({
            topic: systemTopics(target.name).ext,
            key: r.key?.toString() ?? "",
            value: r.value,
            timestampMs: Date.parse(body.phenomenonTime),
          });
        }
      }
      await producer.commit(out, { groupId, coordinatorId: coordinator.id }, [{ topic, partition, next: p.next }]);
      position = p.next;
    }
    await Promise.all([producer.close(), fetcher.close()]);
  });
  const run = await drain(groupId, "raw loop");
  const latency = withLatency ? await liveLatency(target, "raw loop") : undefined;
  stopping = true;
  await Promise.all(loops);
  await membership.leave();
  return { ...run, latency };
}

// ---- the app, run by k worker processes ----------------------------------------------------------------------
async function appRun(workers: number, target: WorldSystem, withLatency: boolean) {
  const { app } = await createStreamApp({
    actor: world.engineer.actor,
    companyId: world.company.id,
    input: { name: `bench-${workers}w-${Date.now().toString(36)}`, targetSystemId: target.id, query: QUERY },
  });
  await deployStreamApp({ actor: world.engineer.actor, appId: app.id });
  await provision([world.company.id]);
  const children: ChildProcess[] = [];
  let output = "";
  for (let w = 0; w < workers; w++) {
    children.push(
      startWorkerProcess([world.company.id], (text) => {
        output = (output + text).slice(-5000);
      }),
    );
  }
  try {
    const pids = children.flatMap((c) => (c.pid ? [c.pid] : []));
    const run = await drain(streamAppGroup(app.principal, app.id), `app, ${workers} worker(s)`, pids);
    // Each worker's report (every 2 s) says which partitions it holds after the rebalances.
    await sleep(2500);
    const partitions = await db.streamAppRunner.findMany({ where: { appId: app.id }, select: { partitions: true } });
    const spread = partitions.map((r) => (Array.isArray(r.partitions) ? r.partitions.length : 0)).sort();
    const latency = withLatency ? await liveLatency(target, `app, ${workers} worker(s)`) : undefined;
    return { ...run, latency, spread };
  } catch (error) {
    process.stderr.write(`\n${output}\n`);
    throw error;
  } finally {
    for (const c of children) c.kill("SIGTERM");
    await Promise.all(children.map(exited));
    await stopStreamApp({ actor: world.engineer.actor, appId: app.id });
  }
}

const target = async () => seedStreamSystem(world.admin, world.company.id, PARTITIONS, 0);
const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

// Throughput rounds: raw and the app (1 worker) on the same records, who goes first alternating.
const comparisons: { raw: Run; app: Run }[] = [];
for (let r = 0; r < rounds; r++) {
  const [rawTarget, appTarget] = [await target(), await target()];
  await provision([world.company.id]);
  const round: Partial<{ raw: Run; app: Run }> = {};
  for (const side of r % 2 === 0 ? (["raw", "app"] as const) : (["app", "raw"] as const)) {
    round[side] = side === "raw" ? await rawRun(rawTarget, false) : await appRun(1, appTarget, false);
  }
  comparisons.push(round as { raw: Run; app: Run });
}
// Latency at a steady rate, then scaling with more workers (each reads the whole source, live records included).
const [rawLatencyTarget, appLatencyTarget, two, three] = [
  await target(),
  await target(),
  await target(),
  await target(),
];
await provision([world.company.id]);
const rawLatency = (await rawRun(rawLatencyTarget, true)).latency;
const appLatency = (await appRun(1, appLatencyTarget, true)).latency;
const scaling = [
  { workers: 1, run: comparisons.map((c) => c.app) },
  { workers: 2, run: [await appRun(2, two, false)] },
  { workers: 3, run: [await appRun(3, three, false)] },
];
progress("");

const fmt = (n: number) => Math.round(n).toLocaleString("en");
const rawIn = median(comparisons.map((c) => c.raw.inPerSecond));
const appIn = median(comparisons.map((c) => c.app.inPerSecond));
const ratios = comparisons.map((c) => c.app.inPerSecond / c.raw.inPerSecond);
const cpuRatios = comparisons.map((c) => c.raw.cpuMsPerThousand / c.app.cpuMsPerThousand);
console.log(
  `\n${records.toLocaleString()} records preloaded on ${PARTITIONS} partitions (half selected), ${rounds} round(s); query ${QUERY.replace(source.name, "<source>")}\n`,
);
console.log("| side | records/s in | records/s out | CPU ms / 1000 records | p50 latency ms | p99 latency ms |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
console.log(
  `| raw loop (1 process) | ${fmt(rawIn)} | ${fmt(rawIn / 2)} | ${median(comparisons.map((c) => c.raw.cpuMsPerThousand)).toFixed(1)} | ${fmt(rawLatency?.p50 ?? Number.NaN)} | ${fmt(rawLatency?.p99 ?? Number.NaN)} |`,
);
console.log(
  `| filter app (1 worker) | ${fmt(appIn)} | ${fmt(appIn / 2)} | ${median(comparisons.map((c) => c.app.cpuMsPerThousand)).toFixed(1)} | ${fmt(appLatency?.p50 ?? Number.NaN)} | ${fmt(appLatency?.p99 ?? Number.NaN)} |`,
);
console.log(
  `\napp/raw: median ${median(ratios).toFixed(2)} by wall clock (rounds ${ratios.map((x) => x.toFixed(2)).join(", ")}), ${median(cpuRatios).toFixed(2)} by CPU per record (rounds ${cpuRatios.map((x) => x.toFixed(2)).join(", ")})`,
);
console.log("\n| workers | records/s in | × raw (median) | partitions per worker at the end |");
console.log("| ---: | ---: | ---: | --- |");
for (const s of scaling) {
  const rate = median(s.run.map((r) => r.inPerSecond));
  const last = s.run.at(-1) as (Run & { spread?: number[] }) | undefined;
  const spread = last?.spread ?? [];
  console.log(`| ${s.workers} | ${fmt(rate)} | ${(rate / rawIn).toFixed(2)} | ${JSON.stringify(spread)} |`);
}
mkdirSync("bench/results", { recursive: true });
writeFileSync(
  "bench/results/stream-apps.json",
  `${JSON.stringify({ records, rounds, partitions: PARTITIONS, comparisons, rawLatency, appLatency, scaling, at: new Date().toISOString() }, null, 2)}\n`,
);
await admin.disconnect();
process.exit(0);
