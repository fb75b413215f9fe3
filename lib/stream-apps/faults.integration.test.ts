import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consoleKafkaConfig } from "@/lib/kafka/console-connection";
import { alterScramCredentials, listScramUsers } from "@/lib/kafka/scram-credentials";
import { type Reconciler, startReconciler } from "@/lib/provisioning/reconciler";
import { recentMinute } from "@/test/recent-time";
import { decoded, provision, readExt, seedStreamCompany, writeReadings } from "@/test/stream-app-world";
import { createStreamApp } from "./create-stream-app";
import { deployStreamApp } from "./deploy-stream-app";
import { getStreamApp } from "./get-stream-app";
import { streamAppWorker } from "./runner/stream-app-worker";
import { stopStreamApp } from "./stop-stream-app";

// What an app does when something outside it breaks: its Kafka credential removed by hand, Kafka down. It says
// why it waits, and resumes by itself when it can, losing nothing and repeating nothing.
function kafka(action: "kafka-down" | "kafka-up") {
  execFileSync("bash", ["scripts/services.sh", action, "test"], { stdio: "inherit" });
}

let world: Awaited<ReturnType<typeof seedStreamCompany>>;
let worker: ReturnType<typeof streamAppWorker>;
let reconciler: Reconciler;
const base = recentMinute(60);

beforeAll(async () => {
  world = await seedStreamCompany(2, 1);
  await provision([world.company.id]);
  // The console's reconciler, as it runs in every console process: it hears the worker's request to look again.
  reconciler = startReconciler({
    companyIds: [world.company.id],
    debounceMs: 100,
    followUpMs: 500,
    maxBackoffMs: 2000,
  });
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
  kafka("kafka-up");
  await worker?.stop();
  await reconciler?.stop();
}, 180_000);

const state = async (appId: string) => (await getStreamApp({ actor: world.admin.actor, appId })).status;

describe("faults around a running app", () => {
  it("waits while its credential is gone, says why, and resumes once the reconciler restored it", async () => {
    const [source, target] = world.systems as [(typeof world.systems)[0], (typeof world.systems)[0]];
    const { app } = await createStreamApp({
      actor: world.engineer.actor,
      companyId: world.company.id,
      input: { name: "resilient", targetSystemId: target.id, query: `SELECT * FROM ${source.name}` },
    });
    await deployStreamApp({ actor: world.engineer.actor, appId: app.id });
    await reconciler.nextPass();
    await writeReadings(source, [{ name: source.temperature, result: 1, time: base }]);
    await expect.poll(async () => (await readExt(target)).length, { timeout: 30_000 }).toBe(1);

    // Removed by hand: the next connection (or re-authentication) fails; the worker asks the reconciler to look, and
    // the reconciler re-creates it (an app's password is derived, so it can).
    await reconciler.stop();
    await alterScramCredentials(consoleKafkaConfig(), { delete: [app.principal] });
    expect(await listScramUsers(consoleKafkaConfig(), [app.principal])).toEqual([]);
    await writeReadings(source, [{ name: source.temperature, result: 2, time: base + 1 }]);
    await expect
      .poll(async () => (await state(app.id)).reason, { timeout: 60_000, interval: 500 })
      .toMatch(/credential/);
    expect((await state(app.id)).state).toBe("waiting");
    reconciler = startReconciler({
      companyIds: [world.company.id],
      debounceMs: 100,
      followUpMs: 500,
      maxBackoffMs: 2000,
    });
    await expect.poll(async () => (await readExt(target)).length, { timeout: 90_000, interval: 500 }).toBe(2);
    await expect.poll(async () => (await state(app.id)).state, { timeout: 30_000 }).toBe("running");
    expect(decoded(await readExt(target)).map((r) => r.result)).toEqual([1, 2]);
    await stopStreamApp({ actor: world.engineer.actor, appId: app.id });
  }, 180_000);

  it("waits for Kafka while it is down, and continues exactly where it was once it is back", async () => {
    const [source, target] = world.systems as [(typeof world.systems)[0], (typeof world.systems)[0]];
    const { app } = await createStreamApp({
      actor: world.engineer.actor,
      companyId: world.company.id,
      input: { name: "patient", targetSystemId: target.id, query: `SELECT * FROM ${source.name} WHERE result >= 10` },
    });
    await deployStreamApp({ actor: world.engineer.actor, appId: app.id });
    await reconciler.nextPass();
    const before = (await readExt(target)).length;
    await writeReadings(source, [{ name: source.temperature, result: 10, time: base + 10 }]);
    await expect.poll(async () => (await readExt(target)).length, { timeout: 30_000 }).toBe(before + 1);

    kafka("kafka-down");
    await expect
      .poll(async () => (await state(app.id)).reason, { timeout: 90_000, interval: 1000 })
      .toMatch(/Waiting for Kafka/);
    kafka("kafka-up");
    await writeReadings(source, [
      { name: source.temperature, result: 11, time: base + 11 },
      { name: source.temperature, result: 12, time: base + 12 },
    ]);
    await expect
      .poll(async () => (await readExt(target)).length, { timeout: 120_000, interval: 1000 })
      .toBe(before + 3);
    await expect.poll(async () => (await state(app.id)).state, { timeout: 60_000 }).toBe("running");
    expect(
      decoded(await readExt(target))
        .slice(before)
        .map((r) => r.result),
    ).toEqual([10, 11, 12]);
    await stopStreamApp({ actor: world.engineer.actor, appId: app.id });
  }, 300_000);
});
