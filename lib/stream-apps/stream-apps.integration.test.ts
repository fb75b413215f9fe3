import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { decoded, provision, readExt, seedStreamCompany, writeReadings } from "@/test/stream-app-world";
import { createStreamApp } from "./create-stream-app";
import { deployStreamApp } from "./deploy-stream-app";
import { getStreamApp } from "./get-stream-app";
import { streamAppWorker } from "./runner/stream-app-worker";
import { stopStreamApp } from "./stop-stream-app";
import { updateStreamApp } from "./update-stream-app";

// Stream apps on the real broker and database, run by a worker in this process (the kill-restart test runs them in
// child processes): deploy, filter, edit a running app, stop it.
const base = Date.UTC(2026, 10, 25, 10, 0, 0);
let world: Awaited<ReturnType<typeof seedStreamCompany>>;
let worker: ReturnType<typeof streamAppWorker>;

beforeAll(async () => {
  world = await seedStreamCompany(2);
  await provision([world.company.id]);
  worker = streamAppWorker({
    companyIds: [world.company.id],
    refreshMs: 1000,
    flushMs: 300,
    maxWaitMs: 200,
    sessionTimeoutMs: 6000,
  });
  await worker.start();
});
afterAll(async () => {
  await worker?.stop();
});

describe("a filter app within a company", () => {
  it("writes exactly the selected records, unchanged and timestamped with phenomenon time, into the target's .ext", async () => {
    const [source, target] = world.systems as [(typeof world.systems)[0], (typeof world.systems)[0]];
    const readings = Array.from({ length: 40 }, (_, i) => ({
      name: i % 4 === 3 ? source.status : source.temperature,
      result: i % 4 === 3 ? "on" : i - 20,
      time: base + i * 1000,
    }));
    await writeReadings(source, readings);
    const { app, warnings } = await createStreamApp({
      actor: world.engineer.actor,
      companyId: world.company.id,
      input: {
        name: "frost",
        targetSystemId: target.id,
        query: `SELECT * FROM ${source.name} WHERE quantity = 'Air Temperature' AND result < 0`,
      },
    });
    expect(warnings).toEqual([]);
    await deployStreamApp({ actor: world.engineer.actor, appId: app.id });
    await provision([world.company.id]);
    const expected = readings.filter((r) => r.name === source.temperature && (r.result as number) < 0);
    await expect
      .poll(async () => (await readExt(target)).length, { timeout: 30_000, interval: 500 })
      .toBe(expected.length);
    const got = decoded(await readExt(target));
    const sorted = [...got].sort((a, b) => a.timestamp - b.timestamp);
    expect(sorted.map((r) => [r.name, r.result, r.timestamp])).toEqual(expected.map((r) => [r.name, r.result, r.time]));

    await expect
      .poll(async () => (await getStreamApp({ actor: world.admin.actor, appId: app.id })).metrics, { timeout: 15_000 })
      .toMatchObject({
        recordsIn: 40,
        recordsOut: expected.length,
        filteredOut: 40 - expected.length,
        decodeFailed: 0,
      });
    const detail = await getStreamApp({ actor: world.admin.actor, appId: app.id });
    expect(detail.status.state).toBe("running");
    expect(detail.metrics.lag).toBe(0);

    // Edit: a new version continues from where the app was; later records are judged by it alone.
    const { app: v2 } = await updateStreamApp({
      actor: world.engineer.actor,
      appId: app.id,
      input: { query: `SELECT * FROM ${source.name} WHERE quantity = 'Air Temperature' AND result >= 100` },
    });
    expect(v2.version).toBe(2);
    await expect
      .poll(async () => (await db.streamAppRunner.findMany({ where: { appId: app.id } })).map((r) => r.version), {
        timeout: 15_000,
      })
      .toEqual([2]);
    const more = Array.from({ length: 10 }, (_, i) => ({
      name: source.temperature,
      result: 95 + i,
      time: base + 100_000 + i,
    }));
    await writeReadings(source, more);
    const expectedAfter = [...expected, ...more.filter((r) => (r.result as number) >= 100)];
    await expect
      .poll(async () => (await readExt(target)).length, { timeout: 30_000, interval: 500 })
      .toBe(expectedAfter.length);
    const all = decoded(await readExt(target)).sort((a, b) => a.timestamp - b.timestamp);
    expect(all.map((r) => r.result)).toEqual(expectedAfter.map((r) => r.result));

    await stopStreamApp({ actor: world.engineer.actor, appId: app.id });
    await expect
      .poll(async () => (await getStreamApp({ actor: world.admin.actor, appId: app.id })).status.state, {
        timeout: 15_000,
      })
      .toBe("stopped");
  });
});
