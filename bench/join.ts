// A join app's throughput in one worker process, exactly once on (pairs, checkpoint and offsets in one Kafka
// transaction each round), next to a raw consume-and-produce loop with the same guarantee on the same broker, the
// same records, in the same run: the raw loop reads every partition of both inputs and writes each record unchanged
// (one transactional id, records and offsets in one transaction, read_committed), no decoding, no join. Reported:
// joins/s (pairs written per second), input records/s, both sides' CPU per 1000 input records, the worker's memory
// (peak resident set). Progress on stderr; the table on stdout and in bench/results/join.json. bench/README.md says
// what the figures mean.
//
//   RHEI_TEST_PORT_OFFSET=<n> RHEI_PROFILE=test bash scripts/with-env.sh \
//     node --import tsx --import ./scripts/runtime/register-hooks.mjs bench/join.ts [records=1000000]
import type { ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { db } from "@/lib/db/client";
import { KafkaAdmin } from "@/lib/kafka/admin";
import { consoleKafkaConfig } from "@/lib/kafka/console-connection";
import { GroupMembership } from "@/lib/kafka/group-membership";
import { KafkaProducer } from "@/lib/kafka/producer";
import { RawFetcher } from "@/lib/kafka/raw-fetch";
import { type ConsumedPosition, type OutputRecord, TransactionalProducer } from "@/lib/kafka/transactional-producer";
import { createStreamApp } from "@/lib/stream-apps/create-stream-app";
import { deployStreamApp } from "@/lib/stream-apps/deploy-stream-app";
import { stopStreamApp } from "@/lib/stream-apps/stop-stream-app";
import { streamAppGroup } from "@/lib/topology/principals";
import { systemTopics } from "@/lib/topology/system-topics";
import { provision, seedStreamCompany, seedStreamSystem, type WorldSystem } from "@/test/stream-app-world";
import { exited, startWorkerProcess } from "@/test/worker-process";

const records = Number(process.argv[2] ?? 1_000_000);
if (!(records >= 1000 && Number.isInteger(records))) throw new Error(`records must be an integer ≥ 1000`);
const PARTITIONS = 3;
const DATASTREAMS = 4;
const config = consoleKafkaConfig({ clientId: "rhei-bench-join" });

function progress(text: string) {
  process.stderr.write(`\r\u001b[2K${text}`);
}

// ---- the world: two sources of 3 partitions and 4 Measurement datastreams each, preloaded -------------------------
const world = await seedStreamCompany(0);
const a = await seedStreamSystem(world.admin, world.company.id, PARTITIONS, DATASTREAMS);
const b = await seedStreamSystem(world.admin, world.company.id, PARTITIONS, DATASTREAMS);
const joinTarget = await seedStreamSystem(world.admin, world.company.id, PARTITIONS, 0);
const rawTarget = await seedStreamSystem(world.admin, world.company.id, PARTITIONS, 0);
await provision([world.company.id]);
const admin = await KafkaAdmin.connect(config);
const canonical = (ms: number) => new Date(ms).toISOString().replace("Z", "000Z");
// The canonical record (~190 bytes) as the SDK writes it. a's i-th record at 10·i ms, b's 5 ms later: within a 5 ms
// tolerance each record of a pairs with the b before and the b after it, so about one pair per input record.
const value = (system: WorldSystem, i: number, timeMs: number) =>
  JSON.stringify({
    phenomenonTime: canonical(timeMs),
    resultTime: canonical(timeMs + 7),
    datastream: { name: system.extra[i % DATASTREAMS] },
    result: 20 + (i % 100) / 10,
    attributes: { quality: "good" },
  });
const base = 1_700_000_000_000;
const perSource = Math.floor(records / 2);
{
  const producer = await KafkaProducer.connect(config);
  for (let i = 0; i < perSource; i += 1000) {
    const batch = [];
    for (let j = i; j < Math.min(perSource, i + 1000); j++) {
      for (const [system, offset] of [
        [a, 0],
        [b, 5],
      ] as const) {
        batch.push({
          topic: systemTopics(system.name).int,
          key: system.extra[j % DATASTREAMS] as string,
          value: value(system, j, base + 10 * j + offset),
        });
      }
    }
    await producer.send(batch);
    if (i % 20_000 === 0) progress(`preloading ${(2 * i).toLocaleString()} / ${(2 * perSource).toLocaleString()}`);
  }
  await producer.disconnect();
}
const inputTopics = [systemTopics(a.name).int, systemTopics(b.name).int];
const total = 2 * perSource;

async function committed(groupId: string): Promise<number> {
  const [row, row2] = await admin.kafkajs.fetchOffsets({ groupId, topics: inputTopics });
  return [row, row2].reduce(
    (n, r) => n + (r?.partitions ?? []).reduce((m, p) => m + Math.max(0, Number(p.offset)), 0),
    0,
  );
}

/** CPU ms (user + system) of this process, or of another by pid (from /proc, in clock ticks of 10 ms). */
function cpuMs(pid?: number): number {
  if (pid === undefined) {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  }
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) * 10;
}

/** A process's resident set now and at its peak, MiB (from /proc/<pid>/status). */
function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
  return { rss: kib("VmRSS") / 1024, peak: kib("VmHWM") / 1024 };
}

interface Run {
  seconds: number;
  inPerSecond: number;
  cpuMsPerThousand: number;
}

/** Waits until the group committed every input record; times from its first progress to the end. */
async function drain(groupId: string, label: string, pid?: number, extra?: () => string): Promise<Run> {
  let started: number | undefined;
  let startedAt = 0;
  let cpuAtStart = 0;
  for (;;) {
    const done = await committed(groupId);
    const now = performance.now();
    if (started === undefined && done > 0) {
      started = now;
      startedAt = done;
      cpuAtStart = cpuMs(pid);
    }
    progress(`${label}: ${done.toLocaleString()} / ${total.toLocaleString()} ${extra?.() ?? ""}`);
    if (done >= total && started !== undefined) {
      const seconds = (now - started) / 1000;
      const n = total - startedAt;
      return { seconds, inPerSecond: n / seconds, cpuMsPerThousand: ((cpuMs(pid) - cpuAtStart) / n) * 1000 };
    }
    await sleep(100);
  }
}

// ---- raw: one loop over all six input partitions, copying records unchanged, exactly once -----------------------
async function rawRun(): Promise<Run> {
  const groupId = `bench-join-raw-${Date.now()}`;
  const membership = await GroupMembership.join(config, {
    groupId,
    topics: inputTopics,
    onAssignment: () => undefined,
    onError: () => undefined,
  });
  const [layout, coordinator] = await Promise.all([membership.layout(inputTopics), membership.coordinator()]);
  const partitions = inputTopics.flatMap((topic) => {
    const t = layout.get(topic);
    if (!t) throw new Error(`no layout of ${topic}`);
    return t.leaders.map((leader, partition) => ({ topic, topicId: t.id, leader, partition }));
  });
  const producer = await TransactionalProducer.open(config, `${groupId}.tx`);
  const fetcher = new RawFetcher(config);
  const positions = new Map<string, bigint>();
  let stopping = false;
  const loop = (async () => {
    while (!stopping) {
      const leader = partitions[0]?.leader;
      if (!leader) return;
      const fetched = await fetcher.fetch(
        leader,
        partitions.map((p) => ({
          topic: p.topic,
          topicId: p.topicId,
          partition: p.partition,
          offset: positions.get(`${p.topicId}#${p.partition}`) ?? 0n,
          maxBytes: 1_048_576,
        })),
        500,
      );
      const out: OutputRecord[] = [];
      const moved: ConsumedPosition[] = [];
      for (const f of fetched) {
        const p = partitions.find((x) => x.topicId === f.topicId && x.partition === f.partition);
        const key = `${f.topicId}#${f.partition}`;
        if (!p || f.next === (positions.get(key) ?? 0n)) continue;
        for (const r of f.records) {
          if (!r.value) continue;
          out.push({
            topic: systemTopics(rawTarget.name).ext,
            key: r.key?.toString() ?? "",
            value: r.value,
            timestampMs: r.timestamp,
          });
        }
        positions.set(key, f.next);
        moved.push({ topic: p.topic, partition: p.partition, next: f.next });
      }
      if (moved.length > 0) await producer.commit(out, { groupId, coordinatorId: coordinator.id }, moved);
    }
  })();
  const run = await drain(groupId, "raw loop");
  stopping = true;
  await loop;
  await Promise.all([producer.close(), fetcher.close(), membership.leave()]);
  return run;
}

// ---- the join app in one worker process ---------------------------------------------------------------------------
async function joinRun() {
  const { app } = await createStreamApp({
    actor: world.engineer.actor,
    companyId: world.company.id,
    input: {
      name: `bench-join-${Date.now().toString(36)}`,
      kind: "join",
      targetSystemId: joinTarget.id,
      spec: {
        inputs: [
          { name: "a", query: `SELECT * FROM ${a.name}` },
          { name: "b", query: `SELECT * FROM ${b.name}` },
        ],
        toleranceMs: 5,
        mode: "neighbours",
        idleTimeoutMs: 1000,
        output: {
          value: "right.result - left.result",
          thing: "Bench",
          datastream: "Diff",
          observationType: "Measurement",
        },
      },
    },
  });
  await deployStreamApp({ actor: world.engineer.actor, appId: app.id });
  await provision([world.company.id]);
  let output = "";
  const child: ChildProcess = startWorkerProcess([world.company.id], (text) => {
    output = (output + text).slice(-5000);
  });
  const pid = child.pid as number;
  let peakRss = 0;
  const sampler = setInterval(() => {
    try {
      peakRss = Math.max(peakRss, memory(pid).rss);
    } catch {
      // the process is gone
    }
  }, 250);
  try {
    const run = await drain(
      streamAppGroup(app.principal, app.id),
      "join app, 1 worker",
      pid,
      () => `(rss ${Math.round(peakRss)} MiB)`,
    );
    const mem = memory(pid);
    // The pairs written, as the worker counts them (its counters are flushed every 2 s): until they stop growing.
    let pairs = -1;
    for (;;) {
      await sleep(2500);
      const rows = await db.streamAppPartition.findMany({ where: { appId: app.id }, select: { recordsOut: true } });
      const now = rows.reduce((n, r) => n + Number(r.recordsOut), 0);
      if (now === pairs) break;
      pairs = now;
    }
    const runner = await db.streamAppRunner.findFirst({ where: { appId: app.id, state: "running" } });
    const state = runner?.joinState as { stateBytes?: number; buffered?: number } | null;
    return { ...run, pairs, joinsPerSecond: pairs / run.seconds, peakRssMiB: mem.peak, state };
  } catch (error) {
    process.stderr.write(`\n${output}\n`);
    throw error;
  } finally {
    clearInterval(sampler);
    child.kill("SIGTERM");
    await exited(child);
    await stopStreamApp({ actor: world.engineer.actor, appId: app.id });
  }
}

const raw = await rawRun();
const join = await joinRun();
progress("");

const fmt = (n: number) => Math.round(n).toLocaleString("en");
console.log(
  `\n${total.toLocaleString()} input records (two sources of ${PARTITIONS} partitions, ${DATASTREAMS} datastreams each), tolerance 5 ms, neighbours; exactly once on both sides\n`,
);
console.log("| side | input records/s | joins/s (pairs written) | CPU ms / 1000 input records | peak RSS MiB |");
console.log("| --- | ---: | ---: | ---: | ---: |");
console.log(
  `| raw consume-and-produce (this process) | ${fmt(raw.inPerSecond)} | – | ${raw.cpuMsPerThousand.toFixed(1)} | – |`,
);
console.log(
  `| join app (1 worker process) | ${fmt(join.inPerSecond)} | ${fmt(join.joinsPerSecond)} | ${join.cpuMsPerThousand.toFixed(1)} | ${fmt(join.peakRssMiB)} |`,
);
console.log(
  `\njoin/raw input rate: ${(join.inPerSecond / raw.inPerSecond).toFixed(2)}; ${fmt(join.pairs)} pairs in ${join.seconds.toFixed(1)} s; state at the end: ${join.state?.buffered ?? "?"} records, ${fmt(join.state?.stateBytes ?? Number.NaN)} bytes`,
);
mkdirSync("bench/results", { recursive: true });
writeFileSync(
  "bench/results/join.json",
  `${JSON.stringify({ records: total, partitions: PARTITIONS, raw, join, at: new Date().toISOString() }, null, 2)}\n`,
);
await admin.disconnect();
process.exit(0);
