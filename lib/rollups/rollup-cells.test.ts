import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aggregateOf } from "../history/aggregate";
import { RollupCells } from "./rollup-cells";

describe("RollupCells", () => {
  it("aggregates every record into its bucket of each level, whatever their order", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            ds: fc.constantFrom("a", "b"),
            t: fc.integer({ min: 0, max: 200_000 }),
            v: fc.option(fc.integer({ min: -50, max: 50 }), { nil: undefined }),
          }),
          { maxLength: 200 },
        ),
        (records) => {
          const cells = new RollupCells([1000, 60_000]);
          for (const r of records) cells.add(r.ds, r.t, r.v);
          for (const c of cells.list()) {
            const mine = records.filter(
              (r) => r.ds === c.datastreamId && r.t >= c.bucketStart && r.t < c.bucketStart + c.level,
            );
            expect(c.records).toBe(mine.length);
            const numeric = mine.flatMap((r) => (r.v === undefined ? [] : [{ t: r.t, v: r.v }]));
            const expected = aggregateOf(numeric);
            expect({
              ...c,
              datastreamId: undefined,
              level: undefined,
              bucketStart: undefined,
              records: undefined,
              late: undefined,
            }).toEqual({
              ...expected,
              datastreamId: undefined,
              level: undefined,
              bucketStart: undefined,
              records: undefined,
              late: undefined,
            });
          }
          const total = cells
            .list()
            .filter((c) => c.level === 1000)
            .reduce((n, c) => n + c.records, 0);
          expect(total).toBe(records.length);
        },
      ),
    );
  });
});
