import { readFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { consoleFetch } from "@/test/console-fetch";
import { db } from "../db/client";
import { KafkaAdmin } from "../kafka/admin";
import { clientBootstrapServers, consoleKafkaConfig } from "../kafka/console-connection";
import { readRange } from "../kafka/read-range";
import { reconcileOnce } from "../provisioning/reconcile-once";
import type { RheiClientOptions } from "../sdk";
import { streamAppWorker } from "../stream-apps/runner/stream-app-worker";
import { demoCompanies } from "./demo-world";
import { runDemo } from "./run-demo";
import { seedDemoWorld } from "./seed-demo-world";

// `npm run demo` in miniature: the demo world seeded through the domain operations (its grants accepted, its stream
// apps deployed), provisioned by the reconciler, a stream-app worker, and the simulators run through the SDK with
// the credentials Rhei issued, 20 times faster than the reference pace. Every demo system's topics must receive
// records, the .ext topics through the real stream apps.
const { fetch } = consoleFetch();
const controller = new AbortController();
let running: Promise<void> | undefined;
let admin: KafkaAdmin | undefined;
let worker: ReturnType<typeof streamAppWorker> | undefined;

afterAll(async () => {
  controller.abort();
  await running;
  await worker?.stop();
  await admin?.disconnect();
});

async function recordsIn(topic: string): Promise<number> {
  const offsets = await (admin as KafkaAdmin).topicOffsets(topic);
  return offsets.reduce((n, p) => n + Number(BigInt(p.end) - BigInt(p.start)), 0);
}

describe("the demo", () => {
  it("seeds idempotently, provisions every client, and fills every system's topics through the SDK", async () => {
    const credentialsDir = await mkdtemp(path.join(tmpdir(), "rhei-demo-"));
    const options = { credentialsDir, consoleUrl: "http://console.test", bootstrapServers: clientBootstrapServers() };
    const first = await seedDemoWorld(options);
    const second = await seedDemoWorld(options);
    expect(second.created).toEqual([]);
    const users = await db.user.count({
      where: { email: { endsWith: ".example" }, memberships: { some: { companyId: { in: first.companyIds } } } },
    });
    expect(users).toBe(12);
    // Each company has its ready dashboard, over the datastreams the reference instances.json describe.
    const dashboards = await db.dashboard.findMany({ where: { companyId: { in: first.companyIds } } });
    expect(dashboards.map((d) => d.name).sort()).toEqual(["Fleet", "Incoming", "Stations"]);
    expect(dashboards.every((d) => Array.isArray(d.panels) && d.panels.length > 0)).toBe(true);
    // The Fleet dashboard shows the join's output (registered by the app, before the dashboards are made).
    const distance = await db.datastream.findUniqueOrThrow({
      where: { fullName: "cz.icecars.iot4cps-wp5-CarFleet.Car2.Main.Distance to Car1" },
    });
    const fleet = dashboards.find((d) => d.name === "Fleet");
    expect(JSON.stringify(fleet?.panels)).toContain(distance.id);

    const summary = await reconcileOnce({ companyIds: first.companyIds });
    expect(summary.errors).toBe(0);
    // The reference demo's stream apps exist as real apps, deployed; the cross-company ones under accepted grants.
    const apps = await db.streamApp.findMany({
      where: { companyId: { in: first.companyIds } },
      include: { sources: { include: { grant: true } } },
      orderBy: { name: "asc" },
    });
    expect(apps.map((a) => [a.name, a.desiredState])).toEqual(
      [
        "car1analytics",
        "car1car2",
        "car1car2-closeby",
        "car2analytics",
        "stations2services",
        "weather2analytics",
        "weather2car1",
        "weather2car2",
      ].map((n) => [n, "running"]),
    );
    const crossCompany = apps.filter((a) =>
      ["car1analytics", "car2analytics", "weather2analytics", "weather2car1"].includes(a.name),
    );
    expect(
      crossCompany.every((a) => a.sources.length > 0 && a.sources.every((s) => s.grant?.status === "accepted")),
    ).toBe(true);
    worker = streamAppWorker({ companyIds: first.companyIds, refreshMs: 2000, flushMs: 1000 });
    await worker.start();

    const lines: string[] = [];
    running = runDemo({
      credentials: (principal) => ({
        ...(JSON.parse(readFileSync(path.join(credentialsDir, `${principal}.json`), "utf8")) as RheiClientOptions),
        fetch,
      }),
      pace: 0.05,
      signal: controller.signal,
      log: (line) => lines.push(line),
    });

    admin = await KafkaAdmin.connect(consoleKafkaConfig());
    const systems = demoCompanies.flatMap((c) =>
      c.systems.map((s) => `${c.domain}.${c.enterprise}.${s.workcenter}.${s.station}`),
    );
    // What each system's topics carry: its clients' data (.int), data its stream apps bring in (.ext), logs (.log).
    const expected: Record<string, ("int" | "ext" | "log")[]> = {
      [systems[0] as string]: ["int", "ext", "log"],
      [systems[1] as string]: ["int", "ext", "log"],
      [systems[2] as string]: ["int", "log"],
      [systems[3] as string]: ["ext", "log"],
      [systems[4] as string]: ["ext", "log"],
    };
    const deadline = Date.now() + 60_000;
    let missing: string[] = [];
    do {
      missing = [];
      for (const [system, kinds] of Object.entries(expected)) {
        for (const kind of kinds) if ((await recordsIn(`${system}.${kind}`)) === 0) missing.push(`${system}.${kind}`);
      }
      if (missing.length > 0) await sleep(1000);
    } while (missing.length > 0 && Date.now() < deadline);
    expect(missing, lines.join("\n")).toEqual([]);

    // The join writes Car1 × Car2 into Car2's .ext whenever the cars are closer than 1.23 km, with their distance.
    const car2 = systems[1] as string;
    const closeBy = async () => {
      const out: number[] = [];
      for await (const batch of readRange(consoleKafkaConfig(), { topics: [`${car2}.ext`], fromMs: 0 })) {
        for (const m of batch) {
          if (m.key?.toString() !== `${car2}.Main.Distance to Car1`) continue;
          out.push((JSON.parse(m.value?.toString() ?? "{}") as { result: number }).result);
        }
      }
      return out;
    };
    await expect.poll(async () => (await closeBy()).length, { timeout: 120_000, interval: 2000 }).toBeGreaterThan(0);
    const distances = await closeBy();
    expect(distances.every((d) => d >= 0 && d < 1.23)).toBe(true);
  }, 240_000);
});
