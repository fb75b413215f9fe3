import { describe, expect, it } from "vitest";
import { IntervalJoin } from "./interval-join";
import type { JoinMode } from "./types";

// On a long in-order stream the buffers stay bounded: records older than watermark − tolerance go, and in neighbours
// mode so do those older than the other input's preceding record. With rates r_i (records/ms), lateness L and
// record period d_i, held ≤ Σ r_i · (tolerance + L + 2·max d) ("all") and ≤ Σ r_i · (L + 2·max d) + partitions
// (neighbours, independent of the tolerance).

const PERIOD = [10, 10]; // per partition, ms
const PARTITIONS = 2; // per input; partition p of car2 is shifted by 3 + 5p ms, of car1 by 5p ms

function stream(mode: JoinMode, toleranceMs: number, allowedLatenessMs: number, records: number) {
  const join = new IntervalJoin<null>({ inputs: ["car1", "car2"], toleranceMs, allowedLatenessMs, mode });
  for (const input of [0, 1]) {
    join.assignPartitions(
      input,
      Array.from({ length: PARTITIONS }, (_, p) => `car${input + 1}#${p}`),
    );
  }
  let maxHeld = 0;
  let maxBytes = 0;
  const gaps = new Map<number, number>();
  const count = (pairs: { left: { time: number }; right: { time: number } }[]) => {
    for (const p of pairs) {
      const gap = p.right.time - p.left.time;
      gaps.set(gap, (gaps.get(gap) ?? 0) + 1);
    }
  };
  for (let i = 0; i < records; i++) {
    const slot = i % (2 * PARTITIONS);
    const input = slot < PARTITIONS ? 0 : 1;
    const p = slot % PARTITIONS;
    const round = Math.floor(i / (2 * PARTITIONS));
    const time = round * (PERIOD[input] as number) + 5 * p + (input === 1 ? 3 : 0);
    const step = join.push({ input, partition: `car${input + 1}#${p}`, offset: BigInt(round), time, payload: null });
    count(step.pairs);
    maxHeld = Math.max(maxHeld, join.stats.buffered);
    maxBytes = Math.max(maxBytes, join.stats.stateBytes);
  }
  count(join.flushAll().pairs);
  expect(join.stats.buffered).toBe(0);
  return { maxHeld, maxBytes, gaps };
}

describe("the join's state on a long in-order stream", () => {
  // car1 every 5 ms (two partitions 5 ms apart), car2 likewise 3 ms after car1: 0.2 records/ms per input.
  const rate = 2 * (PARTITIONS / 10);
  const maxPeriod = 10;

  it.each([20, 1_000])("stays under r·(tolerance + L + 2d) in all mode (tolerance %i ms)", (toleranceMs) => {
    // With 1 s of tolerance each record pairs with ~400 others: fewer records keep the test quick.
    const { maxHeld, maxBytes, gaps } = stream("all", toleranceMs, 50, toleranceMs > 100 ? 20_000 : 100_000);
    console.log(`all, tolerance ${toleranceMs} ms: at most ${maxHeld} records, ${maxBytes} bytes held`);
    const bound = rate * (toleranceMs + 50 + 2 * maxPeriod);
    expect(maxHeld).toBeLessThanOrEqual(bound);
    expect(maxBytes).toBeLessThanOrEqual(bound * 200);
    if (toleranceMs === 20) expect([...gaps.keys()].every((gap) => Math.abs(gap) <= 20)).toBe(true);
  });

  it.each([20, 1_000])("stays under r·(L + 2d) + partitions in neighbours mode (tolerance %i ms)", (toleranceMs) => {
    const { maxHeld, gaps } = stream("neighbours", toleranceMs, 50, 100_000);
    console.log(`neighbours, tolerance ${toleranceMs} ms: at most ${maxHeld} records held`);
    expect(maxHeld).toBeLessThanOrEqual(rate * (50 + 2 * maxPeriod) + 2 * PARTITIONS);
    // Every car1 record (every 5 ms at 0, 5, 10, …) pairs with car2's records at +3 (succeeding) and −2 (preceding).
    expect(new Map([...gaps].sort(([a], [b]) => a - b))).toEqual(
      new Map([
        [-2, 100_000 / 2 - 1],
        [3, 100_000 / 2],
      ]),
    );
  });
});
