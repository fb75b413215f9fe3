// History on one datastream of 1,000,000 records (10,000,000 with --10m), against raw kafkajs on the same broker and
// the same offsets, in one run: (a) Rhei's range read (decoded, typed, in trace order) next to a raw consumer that
// reads and JSON-parses the same messages; (b) request to a drawn chart of the whole range in Chromium (the console
// served by server.ts, production build); (c) export rate as CSV and NDJSON next to the raw read; (d) the rollup
// job's ingest rate from scratch next to a raw consumer group. Rounds alternate who goes first; the table (medians
// and ratios) on stdout, progress on stderr. What each side does: bench/README.md.
//
//   npm run build (or the test profile's next build, see bench/README.md), then
//   RHEI_TEST_PORT_OFFSET=<n> RHEI_PROFILE=test bash scripts/with-env.sh \
//     node --import tsx --import ./scripts/runtime/register-hooks.mjs bench/history.ts [--10m] [--chart-only | --read-only] [--rounds=3]
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { chromium } from "@playwright/test";
import { signInViaApi } from "@/e2e/support/sign-in";
import { env } from "@/lib/env";
import { exportRecords } from "@/lib/history/export-records";
import { resolveHistoryQuery } from "@/lib/history/history-query";
import { readQuery } from "@/lib/history/read-query";
import { consoleKafkaConfig } from "@/lib/kafka/console-connection";
import { createKafkajs } from "@/lib/kafka/kafkajs-client";
import { reconcileOnce } from "@/lib/provisioning/reconcile-once";
import { rebuildRollups } from "@/lib/rollups/rebuild-rollups";
import { rollupLag } from "@/lib/rollups/rollup-lag";
import { createRollupJob } from "@/lib/rollups/start-rollup-job";
import { seedHistoryWorld } from "@/test/history-world";
import { TEST_PASSWORD } from "@/test/seed";

const big = process.argv.includes("--10m");
// Only (d), which builds the rollups, and (b): the 10M run's point is how the chart's cost grows.
const chartOnly = process.argv.includes("--chart-only");
// Only (a): for working on the read path.
const readOnly = process.argv.includes("--read-only");
const rounds = Number(process.argv.find((a) => a.startsWith("--rounds="))?.slice(9) ?? 3);
const N = big ? 10_000_000 : 1_000_000;
const SPACING_MS = 10; // a 100 Hz sensor: 1M records span 2.8 hours, 10M 28 hours

const progress = (text: string) => process.stderr.write(`\r\u001b[2K${text}`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const rate = (n: number, ms: number) => Math.round((n * 1000) / ms);

// The data: one Measurement datastream, produced through the SDK (so each message carries its phenomenon time).
const world = await seedHistoryWorld({ kinds: ["Measurement"], partitions: 1 });
const datastream = world.datastreams[0] as (typeof world.datastreams)[number];
const end = Math.floor((Date.now() - 3_600_000) / 1000) * 1000;
const start = end - N * SPACING_MS;
const range = { from: new Date(start).toISOString(), to: new Date(end).toISOString() };
{
  const t0 = performance.now();
  for (let i = 0; i < N; i++) {
    await world.producer.produce(datastream.fullName, Math.round(Math.sin(i / 5000) * 1e4) / 100, {
      phenomenonTime: start + i * SPACING_MS,
    });
    if (i % 100_000 === 0) progress(`producing ${i.toLocaleString()} / ${N.toLocaleString()}`);
  }
  await world.producer.flush();
  progress(`produced ${N.toLocaleString()} records in ${Math.round(performance.now() - t0)} ms\n`);
}
// The rollup job's principal, its group and READ on the company's topics, as the console's reconciler gives them.
await reconcileOnce({ companyIds: [world.company.id] });
const query = await resolveHistoryQuery({
  actor: world.admin.actor,
  companyId: world.company.id,
  input: { datastreams: datastream.id, ...range },
  now: Date.now(),
});

/** A raw kafkajs consumer group reading the whole topic (= the range's offsets), JSON-parsing each message. */
async function rawRead(): Promise<number> {
  const consumer = createKafkajs(consoleKafkaConfig({ clientId: "bench-raw" })).consumer({
    groupId: `bench-raw-${Date.now()}`,
    maxWaitTimeInMs: 500,
  });
  await consumer.connect();
  await consumer.subscribe({ topic: datastream.topic, fromBeginning: true });
  let n = 0;
  let sum = 0;
  let t0 = 0;
  const ms = await new Promise<number>((resolve) => {
    void consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        t0 ||= performance.now();
        for (const m of batch.messages) {
          sum += (JSON.parse(m.value?.toString() ?? "null") as { result: number }).result;
          n++;
        }
        if (n % 200_000 < batch.messages.length) progress(`raw kafkajs: ${n.toLocaleString()}`);
        if (n >= N) resolve(performance.now() - t0);
      },
    });
  });
  await consumer.disconnect();
  if (!Number.isFinite(sum)) throw new Error("nothing read");
  return ms;
}

/** (a) Rhei's range read: history's reader over the whole range, every record decoded and typed, in trace order. */
async function rheiRead(): Promise<number> {
  const t0 = performance.now();
  let n = 0;
  for await (const r of readQuery(query).records) {
    n += typeof r.result === "number" ? 1 : 0;
    if (n % 200_000 === 0) progress(`Rhei range read: ${n.toLocaleString()}`);
  }
  if (n !== N) throw new Error(`read ${n} of ${N}`);
  return performance.now() - t0;
}

/** (c) An export streamed to its end (what the HTTP response would carry), as CSV or NDJSON. */
async function exportAll(format: "csv" | "ndjson"): Promise<number> {
  const t0 = performance.now();
  const { stream } = await exportRecords({
    actor: world.admin.actor,
    companyId: world.company.id,
    query: { datastreams: datastream.id, ...range, format },
  });
  let bytes = 0;
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.byteLength;
    if (bytes % (8 << 20) < chunk.byteLength) progress(`export ${format}: ${(bytes / 1e6).toFixed(0)} MB`);
  }
  return performance.now() - t0;
}

/**
 * (d) The rollup job from scratch: rebuilt, then timed from its first batch rolled up (joining a group is not
 * throughput, as the raw side is timed from its first batch) until it has rolled up every record.
 */
async function rollupIngest(): Promise<number> {
  await rebuildRollups({ systemNames: [world.system.name] });
  const job = createRollupJob({ positionCheckMs: 1000, systemNames: [world.system.name] });
  await job.start();
  while (job.stats.messages === 0) await new Promise((r) => setTimeout(r, 5));
  const [t0, m0] = [performance.now(), job.stats.messages];
  while (job.stats.messages < N) {
    progress(`rollup job: ${job.stats.messages.toLocaleString()} / ${N.toLocaleString()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  const ms = ((performance.now() - t0) * N) / (N - m0);
  await job.stop();
  const lag = await rollupLag([world.system.id]);
  if (lag !== 0) throw new Error(`the rollup job left ${lag} messages`);
  return ms;
}

type Pair = { rhei: number[]; raw: number[] };
const table: Record<string, Pair> = {
  "(a) range read": { rhei: [], raw: [] },
  "(c) export CSV": { rhei: [], raw: [] },
  "(c) export NDJSON": { rhei: [], raw: [] },
  "(d) rollup ingest": { rhei: [], raw: [] },
};
const measure = async (name: string, ours: () => Promise<number>, round: number) => {
  const pair = table[name] as Pair;
  const order = round % 2 === 0 ? [ours, rawRead] : [rawRead, ours];
  const [first, second] = [await (order[0] as () => Promise<number>)(), await (order[1] as () => Promise<number>)()];
  pair.rhei.push(round % 2 === 0 ? first : second);
  pair.raw.push(round % 2 === 0 ? second : first);
};

for (let round = 0; round < (chartOnly ? 1 : rounds); round++) {
  if (!readOnly) await measure("(d) rollup ingest", rollupIngest, round);
  if (chartOnly) break;
  await measure("(a) range read", rheiRead, round);
  if (readOnly) continue;
  await measure("(c) export CSV", () => exportAll("csv"), round);
  await measure("(c) export NDJSON", () => exportAll("ndjson"), round);
}

// (b) In Chromium: the console (production build) on the test port; a signed-in user opens the chart of the whole
// range; timed from the request to a chart drawn with its points (rollups are complete after (d)).
async function startConsole(): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--import", "./scripts/runtime/register-hooks.mjs", "server.ts"],
    {
      env: { ...process.env, NODE_ENV: "production", RHEI_ROLLUP_JOB: "false", RHEI_ALARM_EVALUATOR: "false" },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  const url = `http://localhost:${env.PORT}/api/health`;
  for (let i = 0; i < 240; i++) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return child;
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill();
  throw new Error("the console did not start (is the production build there?)");
}
const chartMs: number[] = [];
const apiMs: number[] = [];
if (!readOnly) await chartInChromium();

async function chartInChromium(): Promise<void> {
  const server = await startConsole();
  const browser = await chromium.launch({
    executablePath: process.env.RHEI_CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
  try {
    const context = await browser.newContext({
      baseURL: `http://localhost:${env.PORT}`,
      viewport: { width: 1280, height: 900 },
    });
    await signInViaApi(context, world.admin.email, TEST_PASSWORD);
    const page = await context.newPage();
    const path = `/companies/${world.company.id}/trace?datastreams=${datastream.id}&from=${range.from}&to=${range.to}&view=chart`;
    await page.goto(`/companies/${world.company.id}/trace`); // warm: the bundle is cached, as for a user
    for (let i = 0; i < rounds + 1; i++) {
      const t0 = performance.now();
      await page.goto(path);
      await page.waitForFunction(
        () => Number(document.querySelector("[data-testid=line-chart]")?.getAttribute("data-points")) > 0,
        undefined,
        {
          timeout: 60_000,
        },
      );
      await page.locator(".recharts-line-curve").first().waitFor();
      const ms = performance.now() - t0;
      if (i > 0) chartMs.push(ms); // the first is a warm-up
      const width = 1180;
      const a0 = performance.now();
      const answer = await context.request.get(
        `/api/v1/companies/${world.company.id}/history/series?datastreams=${datastream.id}&from=${range.from}&to=${range.to}&width=${width}`,
      );
      if (!answer.ok()) throw new Error(`series answered ${answer.status()}`);
      if (i > 0) apiMs.push(performance.now() - a0);
      progress(`chart in Chromium: ${Math.round(ms)} ms`);
    }
    const points = await page.locator("[data-testid=line-chart]").getAttribute("data-points");
    progress(`chart drawn with ${points} points\n`);
  } finally {
    await browser.close();
    server.kill("SIGTERM");
  }
}

progress("\n");
const lines = [
  `History benchmark: ${N.toLocaleString()} records of one datastream, ${rounds} rounds (medians)`,
  "",
  "| path | Rhei | raw kafkajs | Rhei/raw (rate) | goal |",
  "| --- | ---: | ---: | ---: | ---: |",
];
for (const [name, pair] of Object.entries(table)) {
  if (pair.rhei.length === 0) continue;
  const [ours, raw] = [median(pair.rhei), median(pair.raw)];
  const goal = name.startsWith("(c)") ? "≥ 0.7" : "≥ 0.8";
  lines.push(
    `| ${name} | ${rate(N, ours).toLocaleString()} records/s | ${rate(N, raw).toLocaleString()} records/s | ${(raw / ours).toFixed(2)} | ${goal} |`,
  );
}
if (!readOnly)
  lines.push(
    "",
    `(b) request to a drawn chart of the whole range in Chromium: median ${Math.round(median(chartMs))} ms (each: ${chartMs.map(Math.round).join(", ")}); the series request alone ${Math.round(median(apiMs))} ms; goal < 2 s at 1M, ≤ 1.5× that at 10M`,
  );
console.log(lines.join("\n"));
mkdirSync("bench/results", { recursive: true });
writeFileSync(
  `bench/results/history-${big ? "10m" : "1m"}${readOnly ? "-read" : ""}.json`,
  JSON.stringify({ N, rounds, table, chartMs, apiMs }, null, 2),
);
await world.cleanup();
process.exit(0);
