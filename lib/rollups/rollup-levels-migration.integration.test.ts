// The migration that added the 10 s and 10 min levels fills them from the 1 s and 1 min rows already stored. Run on
// a temporary copy of the table (in a transaction, a temporary "Rollup" hides the real one), with records whose
// values and times tie: what it writes must equal what the rollup job writes for the same records at those levels.

import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import type { Rollup } from "../generated/prisma/client";
import { RollupCells } from "./rollup-cells";
import { addRollupCells } from "./store-rollups";

const migration = readFileSync(
  new URL("../../prisma/migrations/20261207190000_rollup_levels_10s_10m/migration.sql", import.meta.url),
  "utf8",
);

class Rollback extends Error {}

const record = fc.record({
  ds: fc.constantFrom(0, 1),
  // Around the epoch too: buckets before 1970 start below zero.
  t: fc.integer({ min: -1_300_000, max: 1_300_000 }),
  v: fc.option(fc.integer({ min: -3, max: 3 }), { nil: undefined }),
  late: fc.boolean(),
});

describe("migration rollup_levels_10s_10m", () => {
  it("fills 10 s and 10 min buckets exactly as the rollup job does", async () => {
    const samples = fc.sample(fc.array(record, { minLength: 1, maxLength: 400 }), { numRuns: 8, seed: 11 });
    for (const records of samples) {
      const ids = [randomUUID(), randomUUID()];
      const fine = new RollupCells([1000, 60_000]);
      const coarse = new RollupCells([10_000, 600_000]);
      for (const r of records) {
        const id = ids[r.ds] as string;
        if (r.late) {
          fine.addLate(id, r.t);
          coarse.addLate(id, r.t);
        } else {
          fine.add(id, r.t, r.v);
          coarse.add(id, r.t, r.v);
        }
      }
      let rows: Rollup[] = [];
      await db
        .$transaction(async (tx) => {
          await tx.$executeRaw`CREATE TEMPORARY TABLE "Rollup" (LIKE public."Rollup" INCLUDING ALL) ON COMMIT DROP`;
          await addRollupCells(tx, fine.list());
          await tx.$executeRawUnsafe(migration);
          rows = await tx.$queryRaw<Rollup[]>`
            SELECT * FROM "Rollup" WHERE "level" IN (10000, 600000)`;
          throw new Rollback();
        })
        .catch((error: unknown) => {
          if (!(error instanceof Rollback)) throw error;
        });
      const n = (v: bigint | null) => (v === null ? null : Number(v));
      const got = rows.map((r) => ({
        key: `${r.datastreamId}|${r.level}|${r.bucketStart}`,
        records: r.records,
        late: r.late,
        count: r.count,
        sum: r.sum,
        min: r.min,
        minT: n(r.minT),
        max: r.max,
        maxT: n(r.maxT),
        first: r.first,
        firstT: n(r.firstT),
        last: r.last,
        lastT: n(r.lastT),
      }));
      const finite = (v: number) => (Number.isFinite(v) ? v : null);
      const want = coarse
        .list()
        .map((c) => ({
          key: `${c.datastreamId}|${c.level}|${c.bucketStart}`,
          records: c.records,
          late: c.late,
          count: c.count,
          sum: c.sum,
          min: finite(c.min),
          minT: finite(c.minT),
          max: finite(c.max),
          maxT: finite(c.maxT),
          first: finite(c.first),
          firstT: finite(c.firstT),
          last: finite(c.last),
          lastT: finite(c.lastT),
        }))
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      const byKey = (xs: typeof got) => new Map(xs.map((x) => [x.key, x]));
      expect([...byKey(got).keys()].sort()).toEqual([...byKey(want).keys()].sort());
      for (const w of want) expect(byKey(got).get(w.key)).toEqual(w); // integer values: sums are exact
    }
  });
});
