// Long-range charts, the volume timeline and aggregation per interval on the real broker: M4 for the pixel width
// with every extreme kept, finer detail for a zoomed window, states as their changes, and calendar days of 23 and 25
// hours across daylight-saving changes in Europe/Vienna.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedHistoryWorld } from "@/test/history-world";
import { seedCompany } from "@/test/seed";
import { db } from "../db/client";
import type { AppError } from "../errors";
import { aggregateHistory } from "./aggregate-history";
import { chartSeries } from "./chart-series";
import { volumeTimeline } from "./volume-timeline";

let world: Awaited<ReturnType<typeof seedHistoryWorld>>;
const MIN = 60_000;
const H = 60 * MIN;
const START = Date.parse("2026-09-01T00:00:00Z");
const iso = (t: number) => new Date(t).toISOString();
const measured: { t: number; v: number }[] = [];
let stateCount = 0;

// Two days of a random walk every 10 s, with one spike up and one down; a category every 7 min.
beforeAll(async () => {
  world = await seedHistoryWorld({ kinds: ["Measurement", "Category"] });
  let v = 20;
  let seed = 7;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  for (let t = START; t < START + 48 * H; t += 10_000) {
    v += random() - 0.5;
    measured.push({ t, v: Math.round(v * 1000) / 1000 });
  }
  (measured[5000] as { v: number }).v = 99;
  (measured[12000] as { v: number }).v = -55;
  const states = Array.from({ length: (48 * 60) / 7 }, (_, i) => ({
    ds: 1,
    v: ["dry", "wet", "icy"][Math.floor(i / 3) % 3] as string,
    t: START + i * 7 * MIN,
  }));
  // DST: one record every 15 min over the Vienna days around 2026-03-29 and 2026-10-25.
  const [spring, autumn] = [Date.parse("2026-03-27T23:00:00Z"), Date.parse("2026-10-23T22:00:00Z")].map((from) =>
    Array.from({ length: 4 * 24 * 3 + 4 }, (_, i) => ({ ds: 0, v: i, t: from + i * 15 * MIN })),
  );
  stateCount = states.length;
  // In phenomenon-time order, as a client sends them (a record stamped long before its partition's newest is late).
  await world.produce([
    ...(spring ?? []),
    ...measured.map((p) => ({ ds: 0, v: p.v, t: p.t })),
    ...states,
    ...(autumn ?? []),
  ]);
}, 120_000);

afterAll(async () => {
  await world?.cleanup();
});

const ids = () => world.datastreams.map((d) => d.id).join(",");

describe("long-range charts", () => {
  it("draw two days from rollup-sized buckets with at most four points per pixel column, every extreme kept", async () => {
    const chart = await chartSeries({
      actor: world.admin.actor,
      companyId: world.company.id,
      query: { datastreams: ids(), from: iso(START), to: iso(START + 48 * H), width: 300 },
    });
    expect(chart.source).toBe("1m");
    const [line, state] = chart.series;
    expect(line?.kind).toBe("line");
    expect(line?.points.length).toBeLessThanOrEqual(4 * 300);
    expect(line?.points.length).toBeGreaterThan(300);
    const values = (line?.points ?? []).map((p) => p.v);
    expect(Math.max(...(values as number[]))).toBe(99);
    expect(Math.min(...(values as number[]))).toBe(-55);
    expect(line?.points[0]).toEqual({ t: START, v: measured[0]?.v });
    expect(line?.points.at(-1)).toEqual(measured.at(-1));
    const times = (line?.points ?? []).map((p) => p.t);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(state?.kind).toBe("state");
    expect(state?.points.slice(0, 3).map((p) => p.v)).toEqual(["dry", "wet", "icy"]);
    expect(state?.points[1]?.t).toBe(START + 21 * MIN);
  });

  it("fetch finer detail for a zoomed window: raw records, still M4 for the width", async () => {
    const from = START + 14 * H;
    const chart = await chartSeries({
      actor: world.admin.actor,
      companyId: world.company.id,
      query: { datastreams: world.datastreams[0]?.id, from: iso(from), to: iso(from + 10 * MIN), width: 600 },
    });
    expect(chart.source).toBe("raw");
    const expected = measured.filter((p) => p.t >= from && p.t < from + 10 * MIN);
    expect(chart.series[0]?.points).toEqual(expected); // 60 points on 600 columns: every one
  });

  it("count records per bucket for the volume timeline, the total exact", async () => {
    const volume = await volumeTimeline({
      actor: world.admin.actor,
      companyId: world.company.id,
      query: { datastreams: ids(), from: iso(START), to: iso(START + 48 * H), buckets: 48 },
    });
    expect(volume.buckets).toHaveLength(48);
    expect(volume.total).toBe(measured.length + stateCount);
    expect(volume.buckets[0]).toMatchObject({ start: iso(START), end: iso(START + H), records: 360 + 9 });
  });
});

describe("aggregation per interval", () => {
  it("gives Vienna days of 23 and 25 hours across DST, in local calendar buckets", async () => {
    const run = (from: string, to: string) =>
      aggregateHistory({
        actor: world.admin.actor,
        companyId: world.company.id,
        query: {
          datastreams: world.datastreams[0]?.id,
          from,
          to,
          interval: "1d",
          zone: "Europe/Vienna",
          functions: "count,min,max,first,last",
        },
      });
    const spring = await run("2026-03-27T23:00:00Z", "2026-03-30T22:00:00Z");
    expect(spring.rows.map((r) => [r.start, r.end, r.count])).toEqual([
      ["2026-03-27T23:00:00.000Z", "2026-03-28T23:00:00.000Z", 96],
      ["2026-03-28T23:00:00.000Z", "2026-03-29T22:00:00.000Z", 92],
      ["2026-03-29T22:00:00.000Z", "2026-03-30T22:00:00.000Z", 96],
    ]);
    expect(spring.rows[1]).toMatchObject({ min: 96, max: 187, first: 96, last: 187, partial: false });
    const autumn = await run("2026-10-23T22:00:00Z", "2026-10-26T23:00:00Z");
    expect(autumn.rows.map((r) => r.count)).toEqual([96, 100, 96]);
    expect(autumn.rows[1]).toMatchObject({ start: "2026-10-24T22:00:00.000Z", end: "2026-10-25T23:00:00.000Z" });
    const audit = await db.auditEvent.findFirst({
      where: { companyId: world.company.id, action: "history.aggregate" },
      orderBy: { at: "desc" },
    });
    expect(audit?.after).toMatchObject({ interval: "1d", zone: "Europe/Vienna", rows: 3 });
  });

  it("aggregates a range that cuts through buckets, marking the partial ones", async () => {
    const result = await aggregateHistory({
      actor: world.admin.actor,
      companyId: world.company.id,
      query: {
        datastreams: world.datastreams[0]?.id,
        from: iso(START + 30 * MIN + 5_000),
        to: iso(START + 3 * H + 20 * MIN),
        interval: "1h",
        functions: "count,mean,sum,first,last",
      },
    });
    const inRange = (a: number, b: number) => measured.filter((p) => p.t >= a && p.t < b);
    const edges = [START + 30 * MIN + 5_000, START + H, START + 2 * H, START + 3 * H, START + 3 * H + 20 * MIN];
    expect(result.rows.map((r) => [r.partial, r.count])).toEqual(
      edges.slice(1).map((b, i) => [i === 0 || i === 3, inRange(edges[i] as number, b).length]),
    );
    const second = inRange(START + H, START + 2 * H);
    expect(result.rows[1]?.sum).toBeCloseTo(
      second.reduce((s, p) => s + p.v, 0),
      6,
    );
    expect(result.rows[1]).toMatchObject({ first: second[0]?.v, last: second.at(-1)?.v });
  });

  it("refuses bad intervals, zones, functions and foreign datastreams with a clear 4xx", async () => {
    const refusal = async (query: Record<string, unknown>, actor = world.admin.actor) => {
      try {
        await aggregateHistory({ actor, companyId: world.company.id, query: { datastreams: ids(), ...query } });
      } catch (error) {
        return (error as AppError).message;
      }
      return "accepted";
    };
    const base = { from: iso(START), to: iso(START + H) };
    expect(await refusal({ ...base, interval: "2h" })).toMatch(/interval must be one of 1s, 5s/);
    expect(await refusal({ ...base, interval: "1h", zone: "Mars/Olympus" })).toMatch(/not an IANA time zone/);
    expect(await refusal({ ...base, interval: "1h", functions: "median" })).toMatch(/not median/);
    expect(await refusal({ from: iso(START), to: iso(START + 365 * 24 * H), interval: "1s" })).toMatch(
      /would be more than 10000/,
    );
    const stranger = await seedCompany();
    expect(await refusal({ ...base, interval: "1h" }, stranger.admin.actor)).toBe("Company not found");
  });
});
