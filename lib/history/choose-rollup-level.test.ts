import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bucketsIn } from "./calendar-buckets";
import { chooseAggregationLevel, chooseRollupLevel, ROLLUP_LEVELS, type RollupLevel } from "./choose-rollup-level";

const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;
const name = (choice: RollupLevel | "raw") => (choice === "raw" ? "raw" : choice.name);

describe("chooseRollupLevel", () => {
  it("picks the coarsest level with at least 4 buckets per column, exactly at the edges", () => {
    const width = 1000;
    expect(name(chooseRollupLevel(ROLLUP_LEVELS, 4 * width * H, width))).toBe("1h");
    expect(name(chooseRollupLevel(ROLLUP_LEVELS, 4 * width * H - 1, width))).toBe("10m");
    expect(name(chooseRollupLevel(ROLLUP_LEVELS, 4 * width * 10 * MIN, width))).toBe("10m");
    expect(name(chooseRollupLevel(ROLLUP_LEVELS, 4 * width * 10 * MIN - 1, width))).toBe("1m");
    expect(name(chooseRollupLevel(ROLLUP_LEVELS, 4 * width * MIN, width))).toBe("1m");
    expect(name(chooseRollupLevel(ROLLUP_LEVELS, 4 * width * MIN - 1, width))).toBe("10s");
    expect(name(chooseRollupLevel(ROLLUP_LEVELS, 4 * width * 10 * S, width))).toBe("10s");
    expect(name(chooseRollupLevel(ROLLUP_LEVELS, 4 * width * 10 * S - 1, width))).toBe("1s");
    expect(name(chooseRollupLevel(ROLLUP_LEVELS, 4 * width * S, width))).toBe("1s");
    expect(name(chooseRollupLevel(ROLLUP_LEVELS, 4 * width * S - 1, width))).toBe("raw");
    expect(name(chooseRollupLevel(ROLLUP_LEVELS, 0, width))).toBe("raw");
    expect(name(chooseRollupLevel(ROLLUP_LEVELS, 10 * 366 * 24 * H, 1))).toBe("1h");
  });

  it("doesn't depend on the order of the levels, ignores non-positive ones and has no levels mean raw", () => {
    const reversed = [...ROLLUP_LEVELS].reverse();
    expect(name(chooseRollupLevel(reversed, 7 * 24 * H, 1500))).toBe("1m"); // a week on 1500 px: 6.7 min per px
    expect(name(chooseRollupLevel([{ name: "raw?", durationMs: 0 }, ...reversed], 10 * S, 1500))).toBe("raw");
    expect(name(chooseRollupLevel([], 7 * 24 * H, 1500))).toBe("raw");
    expect(() => chooseRollupLevel(ROLLUP_LEVELS, H, 0)).toThrow(RangeError);
  });

  it("reads fewer than 40 buckets per column whatever the range, as each level is at most 10× the next finer", () => {
    fc.assert(
      fc.property(fc.integer({ min: 4 * 1000, max: 10 * 366 * 24 * H }), fc.integer({ min: 1, max: 4000 }), (r, w) => {
        const level = chooseRollupLevel(ROLLUP_LEVELS, r, w);
        if (level !== "raw" && level.durationMs < H) expect(r / level.durationMs / w).toBeLessThan(40);
      }),
    );
  });

  it("always leaves at least the asked buckets per column and no coarser level would", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 * 24 * H }), fc.integer({ min: 1, max: 4000 }), (range, width) => {
        const choice = chooseRollupLevel(ROLLUP_LEVELS, range, width);
        if (choice !== "raw") expect(range / width / choice.durationMs).toBeGreaterThanOrEqual(4);
        for (const coarser of ROLLUP_LEVELS.filter((l) => choice === "raw" || l.durationMs > choice.durationMs)) {
          expect(range / width / coarser.durationMs).toBeLessThan(4);
        }
      }),
    );
  });
});

describe("chooseAggregationLevel", () => {
  it("picks the coarsest rollup that tiles the buckets exactly", () => {
    const from = Date.parse("2026-11-20T00:00:00Z");
    const to = from + 2 * 24 * H;
    expect(name(chooseAggregationLevel(ROLLUP_LEVELS, bucketsIn(from, to, "1h", "Europe/Vienna", 100)))).toBe("1h");
    expect(name(chooseAggregationLevel(ROLLUP_LEVELS, bucketsIn(from, to, "1h", "Asia/Kolkata", 100)))).toBe("10m");
    expect(name(chooseAggregationLevel(ROLLUP_LEVELS, bucketsIn(from, to, "1d", "Asia/Kathmandu", 100)))).toBe("1m");
    expect(name(chooseAggregationLevel(ROLLUP_LEVELS, bucketsIn(from, to, "5s", "UTC", 100_000)))).toBe("1s");
    expect(name(chooseAggregationLevel(ROLLUP_LEVELS, [{ start: 500, end: 1500 }]))).toBe("raw");
  });
});
