// The live path end to end: the SDK produces R records/s into a datastream, Kafka holds them, a console process's
// live hub reads them (group-less), decodes them through the record pipeline and fans them out through Socket.IO
// to 50 headless clients following that datastream. Next to it, in the same run, the baseline: a bare Socket.IO
// server (bench/support/bare-live-server.ts) emitting frames of the same shape, size and rate to 50 clients, with no
// Kafka at all. Prints, per rate, produce→receive latency p50/p99/max over every record a sampled client parsed,
// records missed (expected − received, over all clients, and what the server said it dropped), and the server
// process's CPU time, with the ratio Rhei/baseline. What each side does: bench/README.md.
//
//   RHEI_PROFILE=test bash scripts/with-env.sh node --import tsx --import ./scripts/runtime/register-hooks.mjs \
//     bench/live.ts [seconds=10] [rates=1000,10000] [clients=50]
import { execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import type { Socket } from "socket.io-client";
import { consoleKafkaConfig } from "@/lib/kafka/console-connection";
import { PartitionReader } from "@/lib/kafka/partition-reader";
import { seedLiveWorld } from "@/test/live-world";
import { connectSocket, type SocketConsole, sessionCookie, startSocketConsole } from "@/test/socket-consoles";

const args = process.argv.slice(2).filter((a) => !a.startsWith("--"));
/** --profile: the console process writes a V8 CPU profile to bench/results/ (open it in Chrome's DevTools). */
const profile = process.argv.includes("--profile");
const seconds = Number(args[0] ?? 10);
const rates = (args[1] ?? "1000,10000").split(",").map(Number);
const clients = Number(args[2] ?? 50);
if (!(seconds > 0 && clients > 0 && rates.every((r) => Number.isInteger(r) && r > 0))) {
  throw new Error("usage: bench/live.ts [seconds>0] [rates=1000,10000] [clients>0]");
}
/** Clients that parse every frame (latency); the others count records without parsing, as a cheap browser would. */
const parsing = Math.min(clients, 10);
const ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim());

function progress(text: string) {
  process.stderr.write(`\r\u001b[2K${text}`);
}

/** CPU seconds a process used since `before`, in user and system mode. */
function cpuSince(pid: number, before: { user: number; system: number }) {
  const now = cpuSplit(pid);
  return { user: now.user - before.user, system: now.system - before.system };
}

/** CPU seconds a process has used so far in user and in system (kernel) mode. */
function cpuSplit(pid: number): { user: number; system: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // Fields 14 and 15 of stat(5), counted from the state (field 3) after the command name.
  return { user: Number(fields[11]) / ticksPerSecond, system: Number(fields[12]) / ticksPerSecond };
}

const RECORD_MARK = Buffer.from('{"p":');

function countRecords(bytes: Buffer): number {
  let n = 0;
  for (let at = bytes.indexOf(RECORD_MARK); at !== -1; at = bytes.indexOf(RECORD_MARK, at + 5)) n++;
  return n;
}

interface Watch {
  received: number;
  frames: number;
  missedTold: number;
  latencies: number[];
}

function watch(socket: Socket, parse: boolean): Watch {
  const w: Watch = { received: 0, frames: 0, missedTold: 0, latencies: [] };
  socket.on("live:frame", (raw: ArrayBuffer | Buffer) => {
    const at = Date.now();
    const bytes = Buffer.isBuffer(raw) ? raw : Buffer.from(raw);
    w.frames++;
    if (!parse) {
      w.received += countRecords(bytes);
      return;
    }
    const frame = JSON.parse(bytes.toString("utf8")) as { records: { t: number; v: number }[] };
    for (const r of frame.records) {
      w.received++;
      w.latencies.push(at - r.t);
    }
  });
  socket.on("live:missed", (m: { records: number }) => {
    w.missedTold += m.records;
  });
  return w;
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

interface Run {
  side: "rhei" | "baseline" | "kafka";
  rate: number;
  expected: number;
  received: number;
  missedTold: number;
  p50: number;
  p99: number;
  max: number;
  cpu: number;
  /** Of cpu, the seconds spent in the kernel (socket writes, mostly). */
  kernel: number;
  recordsPerFrame: number;
}

function summarize(
  side: Run["side"],
  rate: number,
  watches: Watch[],
  perClient: number,
  cpu: { user: number; system: number },
): Run {
  const latencies = watches.flatMap((w) => w.latencies).sort((a, b) => a - b);
  const received = watches.reduce((n, w) => n + w.received, 0);
  const frames = watches.reduce((n, w) => n + w.frames, 0);
  return {
    side,
    rate,
    expected: perClient * watches.length,
    received,
    missedTold: watches.reduce((n, w) => n + w.missedTold, 0),
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    max: latencies.at(-1) ?? Number.NaN,
    cpu: cpu.user + cpu.system,
    kernel: cpu.system,
    recordsPerFrame: frames > 0 ? received / frames : 0,
  };
}

async function connectAll(server: SocketConsole, cookie: string, subscribe: unknown) {
  const sockets: Socket[] = [];
  const watches: Watch[] = [];
  for (let i = 0; i < clients; i++) {
    const socket = await connectSocket(server.url, cookie);
    const answer = (await socket.timeout(20_000).emitWithAck("live:subscribe", subscribe)) as { ok: boolean };
    if (!answer.ok) throw new Error(`subscription refused: ${JSON.stringify(answer)}`);
    sockets.push(socket);
    watches.push(watch(socket, i < parsing));
  }
  return { sockets, watches };
}

/** Waits until every client has what it should, or nothing new arrived for 5 s. */
async function settle(watches: Watch[], perClient: number): Promise<void> {
  let last = -1;
  let quietSince = Date.now();
  for (;;) {
    const got = watches.reduce((n, w) => n + w.received + w.missedTold, 0);
    if (got >= perClient * watches.length) return;
    if (got !== last) {
      last = got;
      quietSince = Date.now();
    } else if (Date.now() - quietSince > 5000) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The SDK producing `rate` records/s for `seconds` in a process of its own (bench/support/live-producer.ts). */
async function produceInChild(rate: number, from: number): Promise<void> {
  const config = {
    client: {
      bootstrapServers: world.kafka.bootstrapServers,
      system: world.system.name,
      client: world.client.name,
      secret: world.secret,
      datastreams: [
        {
          name: world.datastream.name,
          fullName: world.datastream.fullName,
          observationType: "Measurement",
          unit: { name: "DegreeCelsius", symbol: "degC", definition: "" },
        },
      ],
    },
    datastream: world.datastream.fullName,
    rate,
    seconds,
    from,
  };
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "--import",
      "./scripts/runtime/register-hooks.mjs",
      "bench/support/live-producer.ts",
      JSON.stringify(config),
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  let out = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (code !== 0 || !out.startsWith("done")) throw new Error(`the producer exited with ${code}: ${out}`);
}

/**
 * The Kafka part alone, for reference: a group-less reader (the hub's own kind) in this process, timing each record
 * from its phenomenon time (when the SDK was asked to produce it) to its fetch.
 */
function watchKafka(topic: string) {
  const w: Watch = { received: 0, frames: 0, missedTold: 0, latencies: [] };
  const reader = PartitionReader.open(consoleKafkaConfig({ clientId: "bench-live-floor" }));
  let running = true;
  const loop = (async () => {
    await reader.add([topic], "latest");
    while (running) {
      const fetched = await reader.fetch({ maxWaitMs: 100 });
      const at = Date.now();
      if (fetched.length > 0) w.frames++;
      for (const m of fetched) {
        const t = Date.parse(
          (JSON.parse(m.value?.toString("utf8") ?? "{}") as { phenomenonTime: string }).phenomenonTime,
        );
        if (Number.isFinite(t)) {
          w.received++;
          w.latencies.push(at - t);
        }
      }
    }
  })();
  return {
    watch: w,
    async stop() {
      running = false;
      await loop;
      await reader.close();
    },
  };
}

const world = await seedLiveWorld();
const cookie = await sessionCookie(world.admin.id);
const results: Run[] = [];
let value = 1_000_000;

for (const rate of rates) {
  const perClient = rate * seconds;

  // Rhei: SDK → Kafka → live hub → Socket.IO.
  progress(`rate ${rate}/s: starting the console process and ${clients} clients`);
  const rhei = await startSocketConsole({}, undefined, profile ? ["--cpu-prof", "--cpu-prof-dir=bench/results"] : []);
  const { sockets, watches } = await connectAll(rhei, cookie, { target: { datastreamId: world.datastream.id } });
  // Warm-up: the hub's reader is at the end of the log and every client receives; then the counts start afresh.
  await world.produce(10, value - 10);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  for (const w of watches) Object.assign(w, { received: 0, frames: 0, missedTold: 0, latencies: [] });
  const floor = watchKafka(world.kafka.topics.int);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const cpu0 = cpuSplit(rhei.pid);
  await produceInChild(rate, value);
  value += perClient;
  await settle(watches, perClient);
  const rheiRun = summarize("rhei", rate, watches, perClient, cpuSince(rhei.pid, cpu0));
  results.push(rheiRun);
  await floor.stop();
  results.push(summarize("kafka", rate, [floor.watch], perClient, { user: Number.NaN, system: Number.NaN }));
  for (const s of sockets) s.close();
  await rhei.stop();

  // Baseline: the same frames from a bare Socket.IO server.
  progress(`rate ${rate}/s: baseline`);
  const bare = await startSocketConsole(
    {},
    "bench/support/bare-live-server.ts",
    profile ? ["--cpu-prof", "--cpu-prof-dir=bench/results"] : [],
  );
  const base = await connectAll(bare, cookie, { target: "baseline" });
  const bcpu0 = cpuSplit(bare.pid);
  const perFrame = Math.max(1, Math.round(rheiRun.recordsPerFrame));
  const answer = await fetch(`${bare.url}/start?rate=${rate}&perFrame=${perFrame}&seconds=${seconds}`);
  if (!answer.ok) throw new Error(`the baseline server answered ${answer.status}`);
  await settle(base.watches, perClient);
  results.push(summarize("baseline", rate, base.watches, perClient, cpuSince(bare.pid, bcpu0)));
  for (const s of base.sockets) s.close();
  await bare.stop();
}
progress("");
await world.cleanup();

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : "—");
console.log(
  `\nlive path, ${clients} clients (${parsing} parse every frame), ${seconds} s per rate; latency in ms, CPU in s of the server process\n`,
);
console.log(
  "| rate/s | side     | records/frame | p50 | p99 | max | missed (of expected) | told missed | server CPU | of it kernel | CPU ratio |",
);
console.log(
  "| -----: | -------- | ------------: | --: | --: | --: | -------------------- | ----------: | ---------: | -----------: | --------: |",
);
for (const r of results) {
  const baseline = results.find((b) => b.side === "baseline" && b.rate === r.rate);
  const ratio = r.side === "rhei" && baseline ? `${fmt(r.cpu / baseline.cpu, 2)}×` : "";
  console.log(
    `| ${r.rate} | ${r.side.padEnd(8)} | ${fmt(r.recordsPerFrame, 1)} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${fmt(r.max)} | ${
      r.expected - r.received
    } of ${r.expected} | ${r.missedTold} | ${fmt(r.cpu, 2)} | ${fmt(r.kernel, 2)} | ${ratio} |`,
  );
}
process.exit(0);
