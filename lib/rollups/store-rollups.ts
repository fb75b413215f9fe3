import "server-only";
import type { Tx } from "../db/client";
import type { RollupCell } from "./rollup-cells";

const orNull = (v: number) => (Number.isFinite(v) ? v : null);
const timeOrNull = (v: number) => (Number.isFinite(v) ? String(v) : null);

/**
 * Adds a batch's cells to the rollup table in one statement: a new bucket is inserted, an existing one merged with
 * the same rules as mergeAggregates (counts and sums add; min and max keep the earliest time on ties; first is the
 * smallest (time, value), last the largest), so the table equals an aggregation of every record added.
 */
export async function addRollupCells(tx: Tx, cells: readonly RollupCell[]): Promise<void> {
  if (cells.length === 0) return;
  const col = <T>(f: (c: RollupCell) => T) => cells.map(f);
  await tx.$executeRaw`
    INSERT INTO "Rollup" AS r ("datastreamId", "level", "bucketStart", "records", "count", "sum",
      "min", "minT", "max", "maxT", "first", "firstT", "last", "lastT", "late")
    SELECT * FROM unnest(
      ${col((c) => c.datastreamId)}::uuid[], ${col((c) => c.level)}::int[], ${col((c) => String(c.bucketStart))}::bigint[],
      ${col((c) => c.records)}::int[], ${col((c) => c.count)}::int[], ${col((c) => c.sum)}::float8[],
      ${col((c) => orNull(c.min))}::float8[], ${col((c) => timeOrNull(c.minT))}::bigint[],
      ${col((c) => orNull(c.max))}::float8[], ${col((c) => timeOrNull(c.maxT))}::bigint[],
      ${col((c) => orNull(c.first))}::float8[], ${col((c) => timeOrNull(c.firstT))}::bigint[],
      ${col((c) => orNull(c.last))}::float8[], ${col((c) => timeOrNull(c.lastT))}::bigint[],
      ${col((c) => c.late)}::int[])
    ON CONFLICT ("datastreamId", "level", "bucketStart") DO UPDATE SET
      "records" = r."records" + EXCLUDED."records",
      "count" = r."count" + EXCLUDED."count",
      "sum" = r."sum" + EXCLUDED."sum",
      "late" = r."late" + EXCLUDED."late",
      "min" = CASE WHEN EXCLUDED."min" IS NOT NULL AND (r."min" IS NULL OR EXCLUDED."min" < r."min" OR (EXCLUDED."min" = r."min" AND EXCLUDED."minT" < r."minT"))
        THEN EXCLUDED."min" ELSE r."min" END,
      "minT" = CASE WHEN EXCLUDED."min" IS NOT NULL AND (r."min" IS NULL OR EXCLUDED."min" < r."min" OR (EXCLUDED."min" = r."min" AND EXCLUDED."minT" < r."minT"))
        THEN EXCLUDED."minT" ELSE r."minT" END,
      "max" = CASE WHEN EXCLUDED."max" IS NOT NULL AND (r."max" IS NULL OR EXCLUDED."max" > r."max" OR (EXCLUDED."max" = r."max" AND EXCLUDED."maxT" < r."maxT"))
        THEN EXCLUDED."max" ELSE r."max" END,
      "maxT" = CASE WHEN EXCLUDED."max" IS NOT NULL AND (r."max" IS NULL OR EXCLUDED."max" > r."max" OR (EXCLUDED."max" = r."max" AND EXCLUDED."maxT" < r."maxT"))
        THEN EXCLUDED."maxT" ELSE r."maxT" END,
      "first" = CASE WHEN EXCLUDED."first" IS NOT NULL AND (r."first" IS NULL OR EXCLUDED."firstT" < r."firstT" OR (EXCLUDED."firstT" = r."firstT" AND EXCLUDED."first" < r."first"))
        THEN EXCLUDED."first" ELSE r."first" END,
      "firstT" = CASE WHEN EXCLUDED."first" IS NOT NULL AND (r."first" IS NULL OR EXCLUDED."firstT" < r."firstT" OR (EXCLUDED."firstT" = r."firstT" AND EXCLUDED."first" < r."first"))
        THEN EXCLUDED."firstT" ELSE r."firstT" END,
      "last" = CASE WHEN EXCLUDED."last" IS NOT NULL AND (r."last" IS NULL OR EXCLUDED."lastT" > r."lastT" OR (EXCLUDED."lastT" = r."lastT" AND EXCLUDED."last" > r."last"))
        THEN EXCLUDED."last" ELSE r."last" END,
      "lastT" = CASE WHEN EXCLUDED."last" IS NOT NULL AND (r."last" IS NULL OR EXCLUDED."lastT" > r."lastT" OR (EXCLUDED."lastT" = r."lastT" AND EXCLUDED."last" > r."last"))
        THEN EXCLUDED."lastT" ELSE r."lastT" END`;
}

export interface StoredPosition {
  next: bigint;
  maxBrokerTs: number;
}

/**
 * Moves a partition's position from `expected` (undefined: it has none yet) to `next`, or returns false when the
 * table says otherwise (another member of the group moved it, or a rebuild cleared it): then the caller's whole
 * transaction must roll back, so nothing is counted twice.
 */
export async function movePosition(
  tx: Tx,
  systemId: string,
  partition: number,
  expected: StoredPosition | undefined,
  next: StoredPosition,
): Promise<boolean> {
  const ts = String(Number.isFinite(next.maxBrokerTs) ? next.maxBrokerTs : -1);
  const moved = expected
    ? await tx.$executeRaw`
        UPDATE "RollupPosition" SET "next" = ${String(next.next)}::bigint, "maxBrokerTs" = ${ts}::bigint,
          "updatedAt" = now()
        WHERE "systemId" = ${systemId}::uuid AND "partition" = ${partition} AND "next" = ${String(expected.next)}::bigint`
    : await tx.$executeRaw`
        INSERT INTO "RollupPosition" ("systemId", "partition", "next", "maxBrokerTs", "updatedAt")
        VALUES (${systemId}::uuid, ${partition}, ${String(next.next)}::bigint, ${ts}::bigint, now())
        ON CONFLICT DO NOTHING`;
  return moved === 1;
}
