// A dashboard of 20 live line charts in Chromium while each of their datastreams receives 10 records/s (200/s in
// all), next to the same dashboard open with no records arriving, in the same run: frames drawn per second
// (requestAnimationFrame), main-thread long tasks (> 50 ms) per second, and the records the page holds. The chart
// redraws must not make the page janky: the store applies frames once per animation frame and every chart
// downsamples its window to its width (M4). What it measures: bench/README.md.
//
// Needs the test profile's production build (`npm run build` with RHEI_PROFILE=test) and its services:
//   RHEI_PROFILE=test bash scripts/with-env.sh node --import tsx --import ./scripts/runtime/register-hooks.mjs \
//     bench/dashboard.ts [seconds=30] [panels=20] [rate=10]
import { spawn } from "node:child_process";
import { chromium } from "@playwright/test";
import { createDashboard } from "@/lib/dashboards/create-dashboard";
import { createDatastream } from "@/lib/datastreams/create-datastream";
import { env } from "@/lib/env";
import { RheiClient } from "@/lib/sdk/rhei-client";
import { seedLiveWorld } from "@/test/live-world";
import { TEST_PASSWORD, uniq } from "@/test/seed";

const args = process.argv.slice(2);
const seconds = Number(args[0] ?? 30);
const panels = Number(args[1] ?? 20);
const rate = Number(args[2] ?? 10);
if (!(seconds > 0 && panels > 0 && panels <= 40 && rate > 0)) {
  throw new Error("usage: bench/dashboard.ts [seconds>0] [panels 1..40] [rate>0]");
}

function progress(text: string) {
  process.stderr.write(`\r\u001b[2K${text}`);
}

// The world: one system, `panels` Measurement datastreams, a dashboard with one line chart each.
const world = await seedLiveWorld();
const first = world.datastream;
const datastreams = [first];
for (let i = 1; i < panels; i++) {
  datastreams.push(
    await createDatastream({
      actor: world.admin.actor,
      systemId: world.system.id,
      input: {
        thingId: world.thing.id,
        sensorId: first.sensorId,
        observedPropertyId: first.observedPropertyId,
        name: uniq("Sensor"),
        observationType: "Measurement",
        unit: { name: "DegreeCelsius", symbol: "degC", definition: "" },
      },
    }),
  );
}
const dashboard = await createDashboard({
  actor: world.admin.actor,
  companyId: world.company.id,
  input: {
    name: "Twenty charts",
    panels: datastreams.map((d, i) => ({
      id: `p${i}`,
      kind: "line" as const,
      title: d.name,
      streams: [{ datastreamId: d.id }],
      windowSeconds: 300,
      layout: { x: (i % 3) * 4, y: Math.floor(i / 3) * 3, w: 4, h: 3 },
    })),
  },
});
const producer = new RheiClient({
  bootstrapServers: world.kafka.bootstrapServers,
  system: world.system.name,
  client: world.client.name,
  secret: world.secret,
  datastreams: datastreams.map((d) => ({
    name: d.name,
    fullName: d.fullName,
    observationType: "Measurement" as const,
    unit: { name: "DegreeCelsius", symbol: "degC", definition: "" },
  })),
});

// The console, as in production (the build must exist), on a port of its own beside the browser tests' one.
progress("starting the console");
const port = env.PORT + 50;
const baseURL = `http://localhost:${port}`;
const server = spawn(
  process.execPath,
  ["--import", "tsx", "--import", "./scripts/runtime/register-hooks.mjs", "server.ts"],
  {
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), NEXTAUTH_URL: baseURL },
    stdio: ["ignore", "ignore", "inherit"],
  },
);
const exited = new Promise((resolve) => server.on("exit", resolve));
for (let i = 0; ; i++) {
  const up = await fetch(`${baseURL}/api/health`).then(
    (r) => r.ok,
    () => false,
  );
  if (up) break;
  if (server.exitCode !== null) throw new Error(`the console exited (${server.exitCode})`);
  if (i > 240) throw new Error("the console did not start within 2 minutes (is the test build there?)");
  await new Promise((resolve) => setTimeout(resolve, 500));
}

const browser = await chromium.launch({
  executablePath: process.env.RHEI_CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
});
const context = await browser.newContext({ baseURL, viewport: { width: 1600, height: 1000 } });
const csrf = (await (await context.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
await context.request.post("/api/auth/callback/credentials", {
  form: { email: world.admin.email, password: TEST_PASSWORD, csrfToken: csrf.csrfToken, json: "true" },
});
const page = await context.newPage();
await page.goto(`/companies/${world.company.id}/dashboards/${dashboard.id}`);
await page
  .getByTestId("line-chart")
  .nth(panels - 1)
  .waitFor();

interface Sample {
  fps: number;
  longTasksPerSecond: number;
  longTaskMsPerSecond: number;
  points: number;
}

/** Frames and long tasks in the page over `seconds`, while `during` runs. */
async function measure(during: () => Promise<void>): Promise<Sample> {
  // Strings, not functions: tsx wraps functions in helpers the page does not have.
  await page.evaluate(`(() => {
    const b = { frames: 0, long: 0, longMs: 0, stop: false };
    window.__bench = b;
    const tick = () => {
      b.frames++;
      if (!b.stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        b.long++;
        b.longMs += e.duration;
      }
    }).observe({ type: "longtask" });
  })()`);
  const start = performance.now();
  await during();
  const elapsed = (performance.now() - start) / 1000;
  const result = (await page.evaluate(`(() => {
    const b = window.__bench;
    b.stop = true;
    const points = [...document.querySelectorAll("[data-testid=line-chart]")].reduce(
      (n, el) => n + Number(el.getAttribute("data-points") ?? 0),
      0,
    );
    return { ...b, points };
  })()`)) as { frames: number; long: number; longMs: number; points: number };
  return {
    fps: result.frames / elapsed,
    longTasksPerSecond: result.long / elapsed,
    longTaskMsPerSecond: result.longMs / elapsed,
    points: result.points,
  };
}

progress("idle dashboard");
const idle = await measure(() => new Promise((resolve) => setTimeout(resolve, seconds * 1000)));
progress(`${panels} datastreams at ${rate} records/s each`);
const loaded = await measure(async () => {
  const total = seconds * rate;
  const begin = performance.now();
  for (let i = 0; i < total; i++) {
    const due = begin + (i * 1000) / rate;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
    for (const d of datastreams) await producer.produce(d.fullName, 20 + Math.sin(i / 10) * 5 + Math.random());
    await producer.flush();
  }
});
progress("");

console.log(`\n${panels} live line charts in Chromium, ${seconds} s each side\n`);
console.log("| side | records/s in all | frames/s | long tasks/s | long-task ms/s | points drawn at the end |");
console.log("| ---- | ---------------: | -------: | -----------: | -------------: | ----------------------: |");
for (const [side, s, r] of [
  ["idle", idle, 0],
  ["loaded", loaded, rate * panels],
] as const) {
  console.log(
    `| ${side} | ${r} | ${s.fps.toFixed(1)} | ${s.longTasksPerSecond.toFixed(2)} | ${s.longTaskMsPerSecond.toFixed(1)} | ${s.points} |`,
  );
}
console.log(`\nframes/s loaded ÷ idle: ${(loaded.fps / idle.fps).toFixed(2)}`);

await browser.close();
await producer.close();
server.kill("SIGTERM");
await exited;
await world.cleanup();
process.exit(0);
