import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decomposeRange } from "./decompose-range";

const LEVELS = [1000, 60_000, 3_600_000];

describe("decomposeRange", () => {
  it("covers the range with contiguous stretches, each level's aligned to its buckets", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5e9 }), fc.integer({ min: 1, max: 3e8 }), (from, span) => {
        const to = from + span;
        const parts = decomposeRange(from, to, LEVELS);
        expect(parts[0]?.from).toBe(from);
        expect(parts.at(-1)?.to).toBe(to);
        for (let i = 1; i < parts.length; i++) expect(parts[i]?.from).toBe(parts[i - 1]?.to);
        for (const p of parts) {
          expect(p.from).toBeLessThan(p.to);
          if (p.level === "raw") expect(p.to - p.from).toBeLessThan(1000);
          else expect([p.from % p.level, p.to % p.level]).toEqual([0, 0]);
        }
        expect(parts.length).toBeLessThanOrEqual(7);
      }),
    );
  });

  it("uses the coarsest level in the middle and finer ones at the edges", () => {
    const h = 3_600_000;
    expect(decomposeRange(h - 1500, 3 * h + 61_500, LEVELS)).toEqual([
      { level: "raw", from: h - 1500, to: h - 1000 },
      { level: 1000, from: h - 1000, to: h },
      { level: h, from: h, to: 3 * h },
      { level: 60_000, from: 3 * h, to: 3 * h + 60_000 },
      { level: 1000, from: 3 * h + 60_000, to: 3 * h + 61_000 },
      { level: "raw", from: 3 * h + 61_000, to: 3 * h + 61_500 },
    ]);
    expect(decomposeRange(10, 20, LEVELS)).toEqual([{ level: "raw", from: 10, to: 20 }]);
    expect(decomposeRange(0, h, [60_000])).toEqual([{ level: 60_000, from: 0, to: h }]);
    expect(decomposeRange(5, 5, LEVELS)).toEqual([]);
  });
});
