import "server-only";
import { invalid } from "../errors";
import { parseInput } from "../validation";
import { type Aggregate, addSample, emptyAggregate, meanOf, mergeAggregates } from "./aggregate";
import { recordHistoryAccess } from "./audit-history-access";
import { type AggregationInterval, bucketsIn, type TimeBucket } from "./calendar-buckets";
import { chooseAggregationLevel, type DataSource, ROLLUP_LEVELS } from "./choose-rollup-level";
import { describeDatastream, type HistoryRequest, resolveHistoryQuery } from "./history-query";
import { readLevelBuckets } from "./read-level-buckets";
import { readQuery } from "./read-query";
import {
  AGGREGATE_FUNCTIONS,
  type AggregateFunction,
  type AggregateRow,
  aggregateQuerySchema,
  type HistoryDatastream,
} from "./schemas";
import { numericValue } from "./trace-datastream";
import { zoneOffsetMs } from "./zone-offset";

/** Calendar buckets one aggregation answers at most, and rows (buckets × datastreams). */
export const MAX_AGGREGATE_BUCKETS = 10_000;
export const MAX_AGGREGATE_ROWS = 200_000;
const MAX_AGGREGATE_RAW_MESSAGES = 3_000_000;

export interface AggregateResult {
  range: { from: string; to: string };
  datastreams: HistoryDatastream[];
  interval: AggregationInterval;
  zone: string;
  functions: AggregateFunction[];
  source: DataSource;
  rows: AggregateRow[];
  late: number;
}

function parseFunctions(text: string): AggregateFunction[] {
  const list = [
    ...new Set(
      text
        .split(",")
        .map((f) => f.trim())
        .filter(Boolean),
    ),
  ];
  const unknown = list.filter((f) => !(AGGREGATE_FUNCTIONS as readonly string[]).includes(f));
  if (unknown.length > 0 || list.length === 0) {
    const why = `use some of ${AGGREGATE_FUNCTIONS.join(", ")}${unknown.length ? `, not ${unknown.join(", ")}` : ""}`;
    throw invalid(`Invalid functions: ${why}`, { functions: [why] });
  }
  return list as AggregateFunction[];
}

function checkZone(zone: string, at: number): void {
  try {
    zoneOffsetMs(zone, at);
  } catch {
    const why = `"${zone.slice(0, 64)}" is not an IANA time zone such as Europe/Vienna or UTC`;
    throw invalid(`Invalid zone: ${why}`, { zone: [why] });
  }
}

/** A bucket's aggregate (and record count) as the functions asked for, nulls where it holds no number. */
function rowOf(
  bucket: TimeBucket & { partial: boolean },
  datastreamId: string,
  a: Aggregate,
  records: number,
  functions: readonly AggregateFunction[],
): AggregateRow {
  const has = a.count > 0;
  const value: Record<Exclude<AggregateFunction, "count">, number | null> = {
    min: has ? a.min : null,
    max: has ? a.max : null,
    mean: has ? meanOf(a) : null,
    sum: has ? a.sum : null,
    first: has ? a.first : null,
    last: has ? a.last : null,
  };
  const row: AggregateRow = {
    start: new Date(bucket.start).toISOString(),
    end: new Date(bucket.end).toISOString(),
    partial: bucket.partial,
    datastreamId,
    count: records,
  };
  for (const f of functions) if (f !== "count") row[f] = value[f];
  return row;
}

/**
 * Aggregation per interval (`data.read`): min, max, mean, sum, count, first, last per datastream per bucket of 1 s
 * to 1 month, calendar buckets in the user's IANA zone (a Vienna day lasts 23 or 25 hours across DST), from the
 * coarsest rollup level whose buckets tile the calendar's (raw records for what rollups cannot answer). The range's
 * own edges cut the first and last bucket (marked partial). Written to the audit log.
 */
export async function aggregateHistory({
  actor,
  companyId,
  query,
  now = Date.now(),
  signal,
}: HistoryRequest): Promise<AggregateResult> {
  const input = parseInput(aggregateQuerySchema, query ?? {});
  const functions = parseFunctions(input.functions);
  const q = await resolveHistoryQuery({ actor, companyId, input, now });
  const { from, to } = q.range;
  checkZone(input.zone, from);
  const calendar = bucketsIn(from, to, input.interval, input.zone, MAX_AGGREGATE_BUCKETS);
  if (calendar.length * q.datastreams.length > MAX_AGGREGATE_ROWS) {
    const why = `${calendar.length} buckets × ${q.datastreams.length} datastreams is more than ${MAX_AGGREGATE_ROWS} rows`;
    throw invalid(`${why}: choose a coarser interval, a shorter range or fewer datastreams`, { interval: [why] });
  }
  const buckets = calendar.map((b) => ({
    start: Math.max(b.start, from),
    end: Math.min(b.end, to),
    partial: b.start < from || b.end > to,
  }));
  const level = chooseAggregationLevel(ROLLUP_LEVELS, calendar);
  const indexOf = (t: number) => {
    let lo = 0;
    let hi = buckets.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((buckets[mid] as TimeBucket).start <= t) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const cells = new Map<string, { a: Aggregate; records: number }[]>(
    q.datastreams.map((d) => [d.id, buckets.map(() => ({ a: emptyAggregate(), records: 0 }))]),
  );
  let late = 0;
  if (level === "raw") {
    const read = readQuery(q, { unfiltered: true, signal, maxPlanned: MAX_AGGREGATE_RAW_MESSAGES });
    for await (const r of read.records) {
      const cell = cells.get(r.datastreamId)?.[indexOf(r.time)];
      if (!cell) continue;
      cell.records++;
      const v = numericValue(r.result);
      if (v !== undefined) addSample(cell.a, r.time, v);
    }
    late = read.stats.late;
  } else {
    const levels = await readLevelBuckets(q, { maxLevelMs: level.durationMs, signal });
    for (const [id, list] of levels.byDatastream) {
      const row = cells.get(id);
      if (!row) continue;
      for (const b of list) {
        const cell = row[indexOf(b.start)];
        if (!cell) continue;
        cell.records += b.records;
        cell.a = mergeAggregates(cell.a, b);
      }
    }
    late = levels.late;
  }
  const rows: AggregateRow[] = [];
  buckets.forEach((bucket, i) => {
    for (const d of q.datastreams) {
      const cell = cells.get(d.id)?.[i] as { a: Aggregate; records: number };
      rows.push(rowOf(bucket, d.id, cell.a, cell.records, functions));
    }
  });
  await recordHistoryAccess(actor, "history.aggregate", q, {
    interval: input.interval,
    zone: input.zone,
    functions,
    rows: rows.length,
  });
  return {
    range: { from: new Date(from).toISOString(), to: new Date(to).toISOString() },
    datastreams: q.datastreams.map(describeDatastream),
    interval: input.interval,
    zone: input.zone,
    functions,
    source: level === "raw" ? "raw" : level.name,
    rows,
    late,
  };
}
