// The rollup job on the real broker, as its own provisioned principal: rollups equal an aggregation of the raw
// records over a range that cuts through buckets, whether the job is caught up, behind (the tail read raw), restarted
// or rebuilt; nothing counted twice.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { seedHistoryWorld } from "@/test/history-world";
import { db } from "../db/client";
import { type Aggregate, aggregateOf, emptyAggregate, mergeAggregates } from "../history/aggregate";
import { resolveHistoryQuery } from "../history/history-query";
import { readLevelBuckets } from "../history/read-level-buckets";
import { readQuery } from "../history/read-query";
import { numericValue } from "../history/trace-datastream";
import { reconcileOnce } from "../provisioning/reconcile-once";
import { rebuildRollups } from "./rebuild-rollups";
import { rollupLag } from "./rollup-lag";
import { createRollupJob, type RollupJob } from "./start-rollup-job";

let world: Awaited<ReturnType<typeof seedHistoryWorld>>;
let job: RollupJob | undefined;
// Recent: the reconciler sets the system's retention (14 days), and Kafka deletes by phenomenon time.
const T0 = Math.floor((Date.now() - 5 * 3_600_000) / 3_600_000) * 3_600_000;
const iso = (t: number) => new Date(t).toISOString();

async function query(from: number, to: number) {
  return resolveHistoryQuery({
    actor: world.admin.actor,
    companyId: world.company.id,
    input: { datastreams: world.datastreams.map((d) => d.id).join(","), from: iso(from), to: iso(to) },
    now: Date.now(),
  });
}

/** Per datastream: the aggregate and record count of the raw records of [from, to). */
async function raw(from: number, to: number) {
  const q = await query(from, to);
  const out = new Map<string, { records: number; points: { t: number; v: number }[] }>();
  for (const d of q.datastreams) out.set(d.id, { records: 0, points: [] });
  for await (const r of readQuery(q).records) {
    const entry = out.get(r.datastreamId) as { records: number; points: { t: number; v: number }[] };
    entry.records++;
    const v = numericValue(r.result);
    if (v !== undefined) entry.points.push({ t: r.time, v });
  }
  return new Map([...out].map(([id, e]) => [id, { records: e.records, aggregate: aggregateOf(e.points) }]));
}

/** The same from rollups (and whatever the job has not reached yet, read raw). */
async function rolled(from: number, to: number) {
  const q = await query(from, to);
  const levels = await readLevelBuckets(q);
  const out = new Map<string, { records: number; aggregate: Aggregate }>();
  for (const [id, buckets] of levels.byDatastream) {
    out.set(id, {
      records: buckets.reduce((n, b) => n + b.records, 0),
      aggregate: buckets.reduce<Aggregate>((a, b) => mergeAggregates(a, b), emptyAggregate()),
    });
  }
  return { out, tail: levels.tail.records, rolledUp: levels.rolledUp, late: levels.late };
}

// Everything exact, except the sum: floating-point addition in another order may differ in the last bits.
const strip = (a: Aggregate) => JSON.parse(JSON.stringify({ ...a, sum: undefined }));

async function expectEqual(from: number, to: number) {
  const [r, s] = await Promise.all([raw(from, to), rolled(from, to)]);
  for (const d of world.datastreams) {
    expect(s.out.get(d.id)?.records, d.observationType).toBe(r.get(d.id)?.records);
    const [mine, theirs] = [s.out.get(d.id)?.aggregate as Aggregate, r.get(d.id)?.aggregate as Aggregate];
    expect(strip(mine)).toEqual(strip(theirs));
    expect(mine.sum).toBeCloseTo(theirs.sum, 6);
  }
  return s;
}

async function caughtUp() {
  await vi.waitFor(async () => expect(await rollupLag([world.system.id])).toBe(0), { timeout: 30_000, interval: 200 });
}

// Irregular times over three hours: bursts of ten 37 ms apart every 61.3 s; values with ties and extremes.
const entries = Array.from({ length: 1800 }, (_, i) => ({
  ds: i % 3,
  v: i % 3 === 2 ? i % 5 === 0 : i % 3 === 1 ? (i * 7) % 13 : Math.round(Math.sin(i / 17) * 1000) / 10,
  t: T0 + Math.floor(i / 10) * 61_300 + (i % 10) * 37,
}));

beforeAll(async () => {
  world = await seedHistoryWorld({ kinds: ["Measurement", "Count", "Truth"] });
  await world.produce(entries);
  // The reconciler provisions the job's principal: its SCRAM user, its group, READ on this company's topics.
  await reconcileOnce({ companyIds: [world.company.id] });
  job = createRollupJob({ topicCheckMs: 1000 });
  await job.start();
  await caughtUp();
}, 90_000);

afterAll(async () => {
  await job?.stop();
  await world?.cleanup();
});

describe("rollups", () => {
  it("equal an aggregation of the raw records over ranges that cut through buckets", async () => {
    expect(
      await db.rollup.count({ where: { datastreamId: { in: world.datastreams.map((d) => d.id) } } }),
    ).toBeGreaterThan(100);
    const end = T0 + 180 * 61_300;
    for (const [from, to] of [
      [T0, end],
      [T0 + 1_234, end - 4_321],
      [T0 + 59_999, T0 + 3_600_001],
      [T0 + 3_599_500, T0 + 3 * 3_600_000 + 700],
    ] as const) {
      const s = await expectEqual(from, to);
      expect(s.tail).toBe(0); // everything came from rollups
      expect(s.rolledUp).toBe(true);
    }
  });

  it("add what the job has not reached yet from Kafka, and say so", async () => {
    await job?.stop();
    job = undefined;
    // 90 after the newest records so far (in time), and 3 stamped an hour and more before them (late).
    const more = Array.from({ length: 90 }, (_, i) => ({
      ds: i % 3,
      v: i % 3 === 2 ? true : i,
      t: T0 + 11_000_000 + i * 500,
    }));
    const late = [0, 1, 2].map((ds) => ({ ds, v: ds === 2 ? false : 5, t: T0 + 1_000_000 + ds }));
    await world.produce([...more, ...late]);
    entries.push(...more);
    const s = await expectEqual(T0 + 500, T0 + 4 * 3_600_000);
    expect(s.tail).toBe(90);
    expect(s.late).toBe(3);
  });

  it("resume after a restart and after a rebuild without counting anything twice", async () => {
    job = createRollupJob({ topicCheckMs: 1000 });
    await job.start();
    await caughtUp();
    expect((await expectEqual(T0, T0 + 4 * 3_600_000)).tail).toBe(0);
    const rebuilt = await rebuildRollups({ systemNames: [world.system.name] });
    expect(rebuilt.rollups).toBeGreaterThan(0);
    await caughtUp(); // the running job finds its positions gone and reads the partitions again
    expect((await expectEqual(T0 + 777, T0 + 4 * 3_600_000 - 777)).tail).toBe(0);
    // Rebuilt while no job runs: the next one starts where PostgreSQL says (the start), not at the group's offsets.
    await job?.stop();
    await rebuildRollups({ systemNames: [world.system.name] });
    job = createRollupJob({ topicCheckMs: 1000 });
    await job.start();
    await caughtUp();
    expect((await expectEqual(T0, T0 + 4 * 3_600_000)).tail).toBe(0);
    const events = await db.auditEvent.count({ where: { companyId: world.company.id, action: "rollups.rebuild" } });
    expect(events).toBe(2);
  });

  it("share the partitions between two job processes of one group, and count everything once", async () => {
    // A second member joins while the first runs: the group splits the three partitions between them, and records
    // produced while they rebalance are counted by exactly one of them (the position's compare-and-set).
    const second = createRollupJob({ topicCheckMs: 1000, systemNames: [world.system.name] });
    try {
      await second.start();
      await second.ready;
      const burst = Array.from({ length: 3_000 }, (_, i) => ({
        ds: i % 3,
        v: i % 3 === 2 ? i % 2 === 0 : i % 89,
        t: T0 + 11_050_000 + i * 10,
      }));
      await world.produce(burst);
      entries.push(...burst);
      await caughtUp();
      expect(second.stats.messages).toBeGreaterThan(0); // it held partitions and rolled them up
      expect((await expectEqual(T0, T0 + 4 * 3_600_000)).tail).toBe(0);
    } finally {
      await second.stop();
    }
  });

  it("count nothing twice when Kafka's committed offsets fall behind PostgreSQL's (a crash between the two)", async () => {
    // Enough records for several fetches of one partition, after everything so far.
    const burst = Array.from({ length: 15_000 }, (_, i) => ({ ds: 0, v: i % 97, t: T0 + 11_100_000 + i * 10 }));
    await world.produce(burst);
    entries.push(...burst);
    await caughtUp();
    await job?.stop();
    // The group's offsets go back to the start; PostgreSQL still says everything is counted.
    await world.kafka.admin.kafkajs.resetOffsets({
      groupId: "rhei-rollups",
      topic: world.datastreams[0]?.topic as string,
      earliest: true,
    });
    job = createRollupJob({ topicCheckMs: 1000 });
    await job.start();
    await caughtUp();
    expect((await expectEqual(T0, T0 + 4 * 3_600_000)).tail).toBe(0);
  });
});
