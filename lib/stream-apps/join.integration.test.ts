import type { ChildProcess } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { KafkaAdmin } from "@/lib/kafka/admin";
import { consoleKafkaConfig } from "@/lib/kafka/console-connection";
import { KafkaProducer } from "@/lib/kafka/producer";
import { encodeRecord } from "@/lib/sdk/record-format";
import { streamAppStateTopic } from "@/lib/topology/principals";
import { systemTopics } from "@/lib/topology/system-topics";
import { recentMinute } from "@/test/recent-time";
import { provision, readExt, seedStreamCompany, seedStreamSystem, writeReadings } from "@/test/stream-app-world";
import { exited, startWorkerProcess } from "@/test/worker-process";
import { createStreamApp } from "./create-stream-app";
import { deployStreamApp } from "./deploy-stream-app";
import type { JoinSpecInput } from "./join-spec";
import { stopStreamApp } from "./stop-stream-app";

// A join app run by real worker processes on the real broker: the pairs it writes into the target's .ext (their
// values, times, and which records they join), the tolerance's bounds (both inclusive), a late record counted and
// logged, a third input that never gets a record (idle, it must not stall the join), and SIGKILLs at random moments
// with an output identical, pair by pair, to an uninterrupted run's.
const children = new Set<ChildProcess>();
let output = "";

function startWorker(companyId: string, env: Record<string, string> = {}): ChildProcess {
  const child = startWorkerProcess(
    [companyId],
    (text) => {
      output = (output + text).slice(-20_000);
    },
    env,
  );
  children.add(child);
  child.on("exit", () => children.delete(child));
  return child;
}

afterAll(async () => {
  for (const c of children) c.kill("SIGKILL");
});

interface OutputRecord {
  key: string;
  time: string;
  result: unknown;
  pair: string;
  left: string;
  right: string;
}

async function outputOf(target: { name: string }, datastream: string): Promise<OutputRecord[]> {
  return (await readExt(target))
    .filter((m) => m.key?.toString() === datastream)
    .map((m) => {
      const body = JSON.parse(m.value?.toString() ?? "{}") as {
        phenomenonTime: string;
        result: unknown;
        attributes: { pair: string; left: string; right: string };
      };
      return {
        key: m.key?.toString() ?? "",
        time: body.phenomenonTime,
        result: body.result,
        pair: body.attributes.pair,
        left: body.attributes.left,
        right: body.attributes.right,
      };
    });
}

/** Waits until the output has at least `min` records and then stays the same for a few seconds. */
async function settled(read: () => Promise<OutputRecord[]>, min: number): Promise<OutputRecord[]> {
  let last = -1;
  let stableSince = Date.now();
  const deadline = Date.now() + 120_000;
  for (;;) {
    const now = await read();
    if (now.length !== last) {
      last = now.length;
      stableSince = Date.now();
    } else if (now.length >= min && Date.now() - stableSince > 4000) {
      return now;
    }
    if (Date.now() > deadline) throw new Error(`output did not settle (${now.length} records)\n${output}`);
    await sleep(500);
  }
}

const spec = (
  a: string,
  b: string,
  extra: Partial<JoinSpecInput> & { datastream: string; value?: string; inputs?: JoinSpecInput["inputs"] },
): JoinSpecInput => ({
  inputs: extra.inputs ?? [
    { name: "a", query: `SELECT * FROM ${a} WHERE quantity = 'T0'` },
    { name: "b", query: `SELECT * FROM ${b} WHERE quantity = 'T0'` },
  ],
  toleranceMs: extra.toleranceMs ?? 100,
  mode: extra.mode ?? "neighbours",
  allowedLatenessMs: extra.allowedLatenessMs ?? 0,
  idleTimeoutMs: extra.idleTimeoutMs ?? 1000,
  output: {
    value: extra.value ?? "right.result - left.result",
    where: "",
    thing: "Join",
    datastream: extra.datastream,
    observationType: "Measurement",
    unit: { name: "", symbol: "", definition: "" },
  },
});

describe("a join app on the broker", () => {
  it("writes the pairs within the tolerance (both bounds inclusive), counts and logs a late record, and is not stalled by an idle input", async () => {
    const world = await seedStreamCompany(0);
    const [a, b, idle] = [
      await seedStreamSystem(world.admin, world.company.id, 2, 1),
      await seedStreamSystem(world.admin, world.company.id, 2, 1),
      await seedStreamSystem(world.admin, world.company.id, 2, 1),
    ];
    const target = await seedStreamSystem(world.admin, world.company.id, 1, 0);
    await provision([world.company.id]);
    const { app } = await createStreamApp({
      actor: world.engineer.actor,
      companyId: world.company.id,
      input: {
        name: "edges",
        kind: "join",
        targetSystemId: target.id,
        spec: spec(a.name, b.name, {
          datastream: "Gap",
          inputs: [
            { name: "a", query: `SELECT * FROM ${a.name} WHERE quantity = 'T0'` },
            { name: "b", query: `SELECT * FROM ${b.name} WHERE quantity = 'T0'` },
            { name: "quiet", query: `SELECT * FROM ${idle.name} WHERE quantity = 'T0'` },
          ],
        }),
      },
    });
    expect(app.query).toBe(`SELECT * FROM ${a.name}, ${b.name}, ${idle.name}`);
    expect(app.outputDatastreamId).not.toBeNull();
    await deployStreamApp({ actor: world.engineer.actor, appId: app.id });
    await provision([world.company.id]);

    const base = recentMinute(60);
    const A = a.extra[0] as string;
    const B = b.extra[0] as string;
    // a's 3500 comes after its 4000: behind its partition's watermark, late (no lateness allowed).
    await writeReadings(a, [
      { name: A, result: 1, time: base + 1000 },
      { name: A, result: 2, time: base + 2000 },
      { name: A, result: 3, time: base + 3000 },
      { name: A, result: 4, time: base + 4000 },
      { name: A, result: 99, time: base + 3500 },
      { name: A, result: 10, time: base + 10_000 },
      { name: A, result: 0, time: base + 20_000 },
    ]);
    await writeReadings(b, [
      { name: B, result: 11, time: base + 1100 }, // 100 ms after a's 1000: exactly the tolerance, joined
      { name: B, result: 12, time: base + 2101 }, // 101 ms after a's 2000: not joined
      { name: B, result: 24, time: base + 4000 },
      { name: B, result: 30, time: base + 9900 }, // 100 ms before a's 10000: joined
      { name: B, result: 0, time: base + 30_000 },
    ]);
    const worker = startWorker(world.company.id);
    const out = await settled(() => outputOf(target, `${target.name}.Join.Gap`), 3);
    expect(out.map((r) => [Date.parse(r.time) - base, r.result, r.left, r.right])).toEqual([
      [1100, 10, A, B],
      [4000, 20, A, B],
      [10_000, 20, A, B],
    ]);
    // Each pair names its two records (input:topic#partition@offset).
    expect(out[0]?.pair).toMatch(/^a:.+\.int#\d@\d+\+b:.+\.int#\d@\d+$/);

    await expect
      .poll(
        async () => {
          const rows = await db.streamAppPartition.findMany({ where: { appId: app.id } });
          return rows.reduce((n, r) => n + Number(r.lateRecords), 0);
        },
        { timeout: 15_000 },
      )
      .toBe(1);
    await expect
      .poll(
        async () =>
          (await db.streamAppLogEntry.findMany({ where: { appId: app.id } })).some((l) =>
            l.message.includes(`Late record of input a: ${A} at ${new Date(base + 3500).toISOString()}`),
          ),
        { timeout: 15_000 },
      )
      .toBe(true);
    // The join's state is reported: what it holds, its watermarks, the idle partitions (the quiet input's).
    await expect
      .poll(
        async () => {
          const runner = await db.streamAppRunner.findFirst({ where: { appId: app.id, state: "running" } });
          const state = runner?.joinState as { idlePartitions?: string[]; stateBytes?: number } | null;
          return state?.idlePartitions?.some((p) => p.startsWith("quiet:")) ?? false;
        },
        { timeout: 15_000 },
      )
      .toBe(true);

    // The state topic exists, compacted, and is the app's own.
    const admin = await KafkaAdmin.connect(consoleKafkaConfig());
    const topics = await admin.listTopics().finally(() => admin.disconnect());
    expect(topics).toContain(streamAppStateTopic(app.principal));

    worker.kill("SIGTERM");
    await exited(worker);
    await stopStreamApp({ actor: world.engineer.actor, appId: app.id });
  }, 180_000);

  it("joins three inputs pairwise, each pair once with the lower-numbered input on the left", async () => {
    const world = await seedStreamCompany(0);
    const [a, b, c] = [
      await seedStreamSystem(world.admin, world.company.id, 1, 1),
      await seedStreamSystem(world.admin, world.company.id, 1, 1),
      await seedStreamSystem(world.admin, world.company.id, 1, 1),
    ];
    const target = await seedStreamSystem(world.admin, world.company.id, 1, 0);
    await provision([world.company.id]);
    const { app } = await createStreamApp({
      actor: world.engineer.actor,
      companyId: world.company.id,
      input: {
        name: "three",
        kind: "join",
        targetSystemId: target.id,
        spec: spec(a.name, b.name, {
          datastream: "Sum",
          toleranceMs: 50,
          value: "left.result * 10 + right.result",
          inputs: [
            { name: "x", query: `SELECT * FROM ${a.name}` },
            { name: "y", query: `SELECT * FROM ${b.name}` },
            { name: "z", query: `SELECT * FROM ${c.name}` },
          ],
        }),
      },
    });
    await deployStreamApp({ actor: world.engineer.actor, appId: app.id });
    await provision([world.company.id]);
    const base = recentMinute(60);
    // x=1, y=2, z=3 within 50 ms of each other at 08:00:01; far apart later, to move every watermark on.
    await writeReadings(a, [
      { name: a.extra[0] as string, result: 1, time: base + 1000 },
      { name: a.extra[0] as string, result: 0, time: base + 60_000 },
    ]);
    await writeReadings(b, [
      { name: b.extra[0] as string, result: 2, time: base + 1020 },
      { name: b.extra[0] as string, result: 0, time: base + 70_000 },
    ]);
    await writeReadings(c, [
      { name: c.extra[0] as string, result: 3, time: base + 1050 },
      { name: c.extra[0] as string, result: 0, time: base + 80_000 },
    ]);
    const worker = startWorker(world.company.id);
    const out = await settled(() => outputOf(target, `${target.name}.Join.Sum`), 3);
    // x–y (20 ms), x–z (50 ms: the inclusive bound), y–z (30 ms); in the canonical order (pair time, then inputs).
    expect(out.map((r) => [Date.parse(r.time) - base, r.result, r.pair.replace(/:[^+]*/g, "")])).toEqual([
      [1020, 12, "x+y"],
      [1050, 13, "x+z"],
      [1050, 23, "y+z"],
    ]);
    worker.kill("SIGTERM");
    await exited(worker);
  }, 120_000);

  it("killed with SIGKILL at random moments, writes the same pairs, in the same order, as an uninterrupted run", async () => {
    const world = await seedStreamCompany(0);
    const a = await seedStreamSystem(world.admin, world.company.id, 2, 2);
    const b = await seedStreamSystem(world.admin, world.company.id, 2, 2);
    const target = await seedStreamSystem(world.admin, world.company.id, 1, 0);
    await provision([world.company.id]);
    const base = recentMinute(60);
    // Two datastreams per system; a record every 10 ms of a, every 7 ms of b; in small batches (one send each), so
    // that the worker needs many rounds (transactions) and each kill falls in the middle of the work.
    const n = 5000;
    const producer = await KafkaProducer.connect(consoleKafkaConfig({ clientId: "rhei-test-writer" }));
    try {
      const message = (system: { name: string; extra: string[] }, i: number, time: number) => {
        const name = system.extra[i % 2] as string;
        return {
          topic: systemTopics(system.name).int,
          key: name,
          value: encodeRecord({
            name,
            phenomenonTime: new Date(time).toISOString(),
            resultTime: new Date(time + 5).toISOString(),
            result: i,
          }),
        };
      };
      for (let from = 0; from < n; from += 10) {
        const ids = Array.from({ length: 10 }, (_, k) => from + k);
        await producer.send([
          ...ids.map((i) => message(a, i, base + 10 * i)),
          ...ids.map((j) => message(b, j, base + 7 * j + 3)),
        ]);
      }
    } finally {
      await producer.disconnect();
    }
    const definition = (datastream: string): JoinSpecInput => ({
      ...spec(a.name, b.name, {
        datastream,
        toleranceMs: 5,
        value: "left.result * 100000 + right.result",
        inputs: [
          { name: "a", query: `SELECT * FROM ${a.name}` },
          { name: "b", query: `SELECT * FROM ${b.name}` },
        ],
      }),
    });
    // Small fetches for the killed run: many short transactions, so that each kill falls in the middle of the work
    // (the reference reads in large fetches: the output must not depend on how the records were batched either).
    const tuning = { RHEI_WORKER_FETCH_BYTES: "1024" };

    const create = async (name: string, datastream: string) => {
      const { app } = await createStreamApp({
        actor: world.engineer.actor,
        companyId: world.company.id,
        input: { name, kind: "join", targetSystemId: target.id, spec: definition(datastream) },
      });
      await deployStreamApp({ actor: world.engineer.actor, appId: app.id });
      await provision([world.company.id]);
      return app;
    };

    // The reference: one uninterrupted run.
    const reference = await create("calm", "Calm");
    let worker = startWorker(world.company.id);
    const expected = await settled(() => outputOf(target, `${target.name}.Join.Calm`), 1000);
    worker.kill("SIGTERM");
    await exited(worker);
    await stopStreamApp({ actor: world.engineer.actor, appId: reference.id });

    // The same join, killed three times at random moments while it works.
    await create("killed", "Killed");
    const read = () => outputOf(target, `${target.name}.Join.Killed`);
    worker = startWorker(world.company.id, tuning);
    const killedAt: number[] = [];
    for (let k = 0; k < 3; k++) {
      const before = (await read()).length;
      await expect.poll(async () => (await read()).length, { timeout: 60_000, interval: 200 }).toBeGreaterThan(before);
      await sleep(Math.floor(Math.random() * 1000));
      killedAt.push((await read()).length);
      worker.kill("SIGKILL");
      await exited(worker);
      // The last restart reads in large fetches again: the rest is done quickly, and batched differently.
      worker = startWorker(world.company.id, k < 2 ? tuning : {});
    }
    const actual = await settled(read, expected.length);
    worker.kill("SIGTERM");
    await exited(worker);

    // Each kill fell before the end, and the output is the reference's, pair by pair.
    expect(
      killedAt.every((c) => c < expected.length),
      `killed at ${killedAt}`,
    ).toBe(true);
    const strip = (r: OutputRecord) => [r.time, r.result, r.pair.replace(/^a:|\+b:/g, "|")];
    expect(actual.length).toBe(expected.length);
    expect(actual.map(strip)).toEqual(expected.map(strip));
    expect(new Set(actual.map((r) => r.pair)).size).toBe(actual.length);
  }, 300_000);
});
