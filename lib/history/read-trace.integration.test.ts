// Reading windows of a trace on the real broker: exact records in trace order across partitions and batches,
// late records found within the lateness margin and counted (never silently dropped) beyond it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedHistoryWorld } from "@/test/history-world";
import { consoleKafkaConfig } from "../kafka/console-connection";
import { MemoryDatastreamCatalog } from "../sdk/datastream-catalog";
import { compareTraceKeys } from "./merge-by-time";
import { readTrace } from "./read-trace";
import type { TraceRecord } from "./trace-datastream";

const MARGIN = 5_000;
let world: Awaited<ReturnType<typeof seedHistoryWorld>>;
const T0 = Date.parse("2026-06-01T00:00:00Z");
const produced: { ds: number; v: unknown; t: number }[] = [];

async function read(from: number, to: number, extra: Partial<Parameters<typeof readTrace>[0]> = {}) {
  const { records, stats } = readTrace({
    kafka: consoleKafkaConfig({ clientId: "history-test" }),
    datastreams: world.datastreams,
    from,
    to,
    marginMs: MARGIN,
    catalog: new MemoryDatastreamCatalog(),
    ...extra,
  });
  const out: TraceRecord[] = [];
  for await (const r of records) out.push(r);
  return { out, stats };
}

/** What the window must hold: the produced records in it, by datastream and time (values are unique). */
function expected(from: number, to: number) {
  return produced
    .filter((p) => p.t >= from && p.t < to)
    .map((p) => `${world.datastreams[p.ds]?.fullName}@${p.t}=${JSON.stringify(p.v)}`)
    .sort();
}
const shown = (records: TraceRecord[]) => records.map((r) => `${r.name}@${r.time}=${JSON.stringify(r.result)}`);

beforeAll(async () => {
  world = await seedHistoryWorld({ kinds: ["Measurement", "Measurement", "Truth"], partitions: 3 });
  // 1,500 records, three datastreams interleaved, 7 ms apart in phenomenon time, produced in batches of 200 and
  // slightly out of order (pairs swapped) as a real client might send them.
  const entries = Array.from({ length: 1500 }, (_, i) => ({
    ds: i % 3,
    v: i % 3 === 2 ? i % 2 === 0 : i + 0.5,
    t: T0 + i * 7,
  }));
  for (let i = 0; i + 1 < entries.length; i += 10) {
    const a = entries[i] as (typeof entries)[number];
    entries[i] = entries[i + 1] as (typeof entries)[number];
    entries[i + 1] = a;
  }
  await world.produce(entries);
  produced.push(...entries);
}, 60_000);

afterAll(async () => {
  await world?.cleanup();
});

describe("reading a window of a trace", () => {
  it("stamps each message with its record's phenomenon time", async () => {
    const { out } = await read(T0, T0 + 100);
    expect(out.map((r) => r.time)).toEqual(Array.from({ length: 15 }, (_, i) => T0 + i * 7));
  });

  it("returns exactly the records of windows cutting through batches and partitions, in trace order", async () => {
    for (const [from, to] of [
      [T0, T0 + 1500 * 7],
      [T0 + 3, T0 + 2001],
      [T0 + 1399, T0 + 1400 + 7 * 333],
      [T0 + 7 * 1000 + 1, T0 + 7 * 1499 + 1],
      [T0 - 60_000, T0 + 1],
      [T0 + 7 * 1500, T0 + 7 * 1600],
    ] as const) {
      const { out, stats } = await read(from, to);
      expect(shown(out).sort(), `[${from - T0}, ${to - T0})`).toEqual(expected(from, to));
      for (let i = 1; i < out.length; i++) {
        expect(compareTraceKeys(out[i - 1] as TraceRecord, out[i] as TraceRecord)).toBeLessThan(0);
      }
      expect(new Set(out.map((r) => r.partition)).size).toBeLessThanOrEqual(3);
      expect(stats.late + stats.earlyStamped + stats.rejected).toBe(0);
    }
    const all = await read(T0, T0 + 1500 * 7);
    expect(new Set(all.out.map((r) => r.partition)).size).toBeGreaterThan(1); // the datastreams span partitions
  });

  it("finds records produced late within the margin, in their place, and counts those beyond it", async () => {
    const late = [
      { ds: 0, v: 10_001.5, t: T0 + 7 * 1499 - 1_000 }, // 1 s behind what its partition holds: found
      { ds: 0, v: 10_002.5, t: T0 + 7 * 1499 - 60_000 }, // a minute behind: beyond the 5 s margin
    ];
    await world.produce(late);
    produced.push(late[0] as (typeof late)[number]);
    const from = T0 - 120_000;
    const to = T0 + 7 * 1500;
    const { out, stats } = await read(from, to);
    expect(shown(out).sort()).toEqual(expected(from, to));
    expect(out.map((r) => r.result)).toContain(10_001.5);
    expect(stats.late).toBe(1);
    const sorted = [...out].sort(compareTraceKeys);
    expect(out).toEqual(sorted);
  });

  it("reads an empty window past the end of the log, and nothing of a system without topics", async () => {
    const past = await read(Date.parse("2030-01-01T00:00:00Z"), Date.parse("2030-01-02T00:00:00Z"));
    expect(past.out).toEqual([]);
    const ghost = await read(T0, T0 + 1000, {
      datastreams: [
        { ...(world.datastreams[0] as (typeof world.datastreams)[number]), topic: "no.such.system.here.int" },
      ],
    });
    expect(ghost.out).toEqual([]);
    expect(ghost.stats.missingTopics).toEqual(["no.such.system.here.int"]);
  });

  it("stops reading when aborted", async () => {
    const controller = new AbortController();
    const { records } = readTrace({
      kafka: consoleKafkaConfig({ clientId: "history-test" }),
      datastreams: world.datastreams,
      from: T0,
      to: T0 + 1500 * 7,
      marginMs: MARGIN,
      catalog: new MemoryDatastreamCatalog(),
      signal: controller.signal,
    });
    let n = 0;
    for await (const _ of records) {
      if (++n === 10) controller.abort();
    }
    expect(n).toBe(10);
  });
});
