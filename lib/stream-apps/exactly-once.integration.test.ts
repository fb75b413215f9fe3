import type { ChildProcess } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { recentMinute } from "@/test/recent-time";
import { decoded, provision, readExt, seedStreamCompany, writeReadings } from "@/test/stream-app-world";
import { exited, startWorkerProcess } from "@/test/worker-process";
import { createStreamApp } from "./create-stream-app";
import { deployStreamApp } from "./deploy-stream-app";
import { stopStreamApp } from "./stop-stream-app";

// Exactly once from source to target, the hard way: worker processes (npm run worker's entry, worker.ts) killed with
// SIGKILL at random moments while records stream in, restarted each time; then the target's .ext must hold every
// selected record exactly once (no loss, no duplicate), compared with what was written to the source.
const children = new Set<ChildProcess>();
let output = "";

function startWorker(companyId: string): ChildProcess {
  const child = startWorkerProcess([companyId], (text) => {
    output = (output + text).slice(-20_000);
  });
  children.add(child);
  child.on("exit", () => children.delete(child));
  return child;
}

afterAll(async () => {
  for (const c of children) c.kill("SIGKILL");
});

describe("a worker killed with SIGKILL mid-stream", () => {
  it("loses and repeats nothing: after restarts the target holds every selected record exactly once", async () => {
    const world = await seedStreamCompany(0);
    const { seedStreamSystem } = await import("@/test/stream-app-world");
    const source = await seedStreamSystem(world.admin, world.company.id, 3, 6);
    const target = await seedStreamSystem(world.admin, world.company.id, 1, 0);
    await provision([world.company.id]);
    const { app } = await createStreamApp({
      actor: world.engineer.actor,
      companyId: world.company.id,
      input: {
        name: "every-third",
        targetSystemId: target.id,
        query: `SELECT * FROM ${source.name} WHERE result % 3 <> 0`,
      },
    });
    await deployStreamApp({ actor: world.engineer.actor, appId: app.id });
    await provision([world.company.id]);

    const total = 3000;
    const base = recentMinute(60);
    // Records stream in for about 15 s (every kill falls inside it): 30 batches of 100 over six datastreams (so over
    // all three partitions).
    const writing = (async () => {
      for (let b = 0; b < 30; b++) {
        await writeReadings(
          source,
          Array.from({ length: 100 }, (_, i) => {
            const n = b * 100 + i;
            return { name: source.extra[n % 6] as string, result: n, time: base + n * 10 };
          }),
        );
        await sleep(450);
      }
    })();

    let worker = startWorker(world.company.id);
    const kills: number[] = [];
    for (let k = 0; k < 3; k++) {
      // A random moment once the worker has had time to hold partitions and commit some transactions.
      const wait = 2500 + Math.floor(Math.random() * 3000);
      await sleep(wait);
      kills.push(wait);
      worker.kill("SIGKILL");
      await exited(worker);
      worker = startWorker(world.company.id);
    }
    await writing;

    const expected = Array.from({ length: total }, (_, n) => n).filter((n) => n % 3 !== 0);
    await expect
      .poll(async () => (await readExt(target)).length, { timeout: 90_000, interval: 1000 })
      .toBeGreaterThanOrEqual(expected.length);
    // Settled: nothing more arrives.
    await sleep(3000);
    const results = decoded(await readExt(target)).map((r) => r.result as number);
    const counts = new Map<number, number>();
    for (const r of results) counts.set(r, (counts.get(r) ?? 0) + 1);
    const duplicates = [...counts].filter(([, c]) => c > 1).map(([r]) => r);
    const missing = expected.filter((n) => !counts.has(n));
    const unexpected = results.filter((r) => r % 3 === 0);
    expect({ duplicates, missing, unexpected, kills: kills.length }, output).toEqual({
      duplicates: [],
      missing: [],
      unexpected: [],
      kills: 3,
    });
    expect(results.length).toBe(expected.length);

    // Per datastream, the target keeps the source's order.
    for (const name of source.extra) {
      const ofStream = decoded(await readExt(target))
        .filter((r) => r.name === name)
        .map((r) => r.result as number);
      expect(ofStream).toEqual([...ofStream].sort((a, b) => a - b));
    }

    worker.kill("SIGTERM");
    await exited(worker);
    await stopStreamApp({ actor: world.engineer.actor, appId: app.id });
    // The worker stopped by SIGTERM took its report away; the killed ones' reports are stale (and ignored).
    const fresh = await db.streamAppRunner.count({
      where: { appId: app.id, heartbeatAt: { gt: new Date(Date.now() - 3000) } },
    });
    expect(fresh).toBe(0);
  }, 240_000);
});
