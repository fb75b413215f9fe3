import "server-only";
import { db } from "../db/client";
import { Prisma, type Rollup } from "../generated/prisma/client";
import { addSample, type BucketAggregate, emptyAggregate } from "./aggregate";
import { decomposeRange, type RangeSegment } from "./decompose-range";
import type { HistoryQuery } from "./history-query";
import { readQuery } from "./read-query";
import { readPositions } from "./read-rollup-positions";
import type { PartitionFloor } from "./read-trace";
import { bucketOf, ROLLUP_LEVEL_MS } from "./rollup-levels";
import { numericValue, type TraceDatastream } from "./trace-datastream";

/** A bucket of one datastream over a stretch: its aggregate of numeric values, and all its records counted. */
export interface LevelBucket extends BucketAggregate {
  records: number;
  late: number;
}

export interface LevelBuckets {
  /** Per datastream id, buckets in time order, covering the range without overlap. */
  byDatastream: Map<string, LevelBucket[]>;
  /** Records read raw because the rollup job has not reached them yet, and the earliest of their times. */
  tail: { records: number; since: number | null };
  /** Whether the rollup job has a position in every partition read (otherwise those were read raw entirely). */
  rolledUp: boolean;
  late: number;
}

/** Raw messages one level read may go through at most (a range the rollup job has not reached, read raw). */
export const MAX_RAW_MESSAGES = 3_000_000;

function bucketFromRow(r: Omit<Rollup, "datastreamId">): LevelBucket {
  const start = Number(r.bucketStart);
  const empty = emptyAggregate();
  const time = (t: bigint | null) => (t === null ? Number.NaN : Number(t));
  return {
    start,
    end: start + r.level,
    records: r.records,
    late: r.late,
    count: r.count,
    sum: r.sum,
    min: r.min ?? empty.min,
    minT: time(r.minT),
    max: r.max ?? empty.max,
    maxT: time(r.maxT),
    first: r.first ?? empty.first,
    firstT: time(r.firstT),
    last: r.last ?? empty.last,
    lastT: time(r.lastT),
  };
}

const newBucket = (start: number, end: number): LevelBucket => ({
  ...emptyAggregate(),
  start,
  end,
  records: 0,
  late: 0,
});

/**
 * The range's records of some datastreams as buckets, exactly: whole rollup buckets where they fit (the coarsest
 * level up to `maxLevelMs`, finer ones at the edges), records the rollup job has not reached yet read raw from its
 * positions on and added in, and the sub-second edges read raw. Rows and positions come from one snapshot, so no
 * record is counted twice or missed while the job moves on.
 */
export async function readLevelBuckets(
  q: HistoryQuery,
  {
    from = q.range.from,
    to = q.range.to,
    maxLevelMs = Number.POSITIVE_INFINITY,
    datastreams = q.datastreams,
    signal,
    maxRawMessages = MAX_RAW_MESSAGES,
  }: {
    from?: number;
    to?: number;
    maxLevelMs?: number;
    datastreams?: readonly TraceDatastream[];
    signal?: AbortSignal;
    maxRawMessages?: number;
  } = {},
): Promise<LevelBuckets> {
  const levels = ROLLUP_LEVEL_MS.filter((l) => l <= maxLevelMs);
  const segments = decomposeRange(from, to, levels);
  const levelSegments = segments.filter((s): s is RangeSegment & { level: number } => s.level !== "raw");
  const ids = datastreams.map((d) => d.id);
  const systemIds = [...new Set(datastreams.map((d) => d.systemId))];
  const { rows, positions } = await db.$transaction(
    async (tx) => {
      const positions = await readPositions(tx, systemIds);
      const rows =
        levelSegments.length === 0
          ? []
          : await tx.rollup.findMany({
              where: {
                datastreamId: { in: ids },
                OR: levelSegments.map((s) => ({
                  level: s.level,
                  bucketStart: { gte: BigInt(s.from), lt: BigInt(s.to) },
                })),
              },
              orderBy: [{ datastreamId: "asc" }, { bucketStart: "asc" }],
            });
      return { rows, positions };
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead },
  );
  const byDatastream = new Map<string, Map<string, LevelBucket>>(ids.map((id) => [id, new Map()]));
  const put = (id: string, b: LevelBucket) => byDatastream.get(id)?.set(`${b.start}|${b.end}`, b);
  for (const r of rows) put(r.datastreamId, bucketFromRow(r));
  let late = rows.reduce((n, r) => n + r.late, 0);

  // Per partition, where the rollups end: everything from there is read raw and added in.
  const floors = new Map<string, PartitionFloor>();
  const topicOf = new Map(datastreams.map((d) => [d.systemId, d.topic]));
  for (const [key, p] of positions) {
    const [systemId, partition] = key.split("#") as [string, string];
    const topic = topicOf.get(systemId);
    if (topic) floors.set(`${topic}#${partition}`, { offset: p.next, maxBrokerTs: p.maxBrokerTs });
  }
  const tail = { records: 0, since: null as number | null };
  let rolledUp = true;
  const inLevel = (t: number) => levelSegments.find((s) => t >= s.from && t < s.to);
  if (levelSegments.length > 0) {
    const read = readQuery(q, {
      from: levelSegments[0]?.from,
      to: levelSegments.at(-1)?.to,
      floors,
      datastreams,
      unfiltered: true,
      signal,
      maxPlanned: maxRawMessages,
    });
    for await (const r of read.records) {
      const seg = inLevel(r.time);
      if (!seg) continue;
      const start = bucketOf(r.time, seg.level);
      const map = byDatastream.get(r.datastreamId);
      let b = map?.get(`${start}|${start + seg.level}`);
      if (!b) {
        b = newBucket(start, start + seg.level);
        map?.set(`${start}|${start + seg.level}`, b);
      }
      b.records++;
      const v = numericValue(r.result);
      if (v !== undefined) addSample(b, r.time, v);
      tail.records++;
      if (tail.since === null || r.time < tail.since) tail.since = r.time;
    }
    late += read.stats.late;
    rolledUp = read.stats.partitions.every((p) => floors.has(`${p.topic}#${p.partition}`));
  }
  for (const seg of segments) {
    if (seg.level !== "raw") continue;
    const read = readQuery(q, { from: seg.from, to: seg.to, datastreams, unfiltered: true, signal });
    const buckets = new Map(datastreams.map((d) => [d.id, newBucket(seg.from, seg.to)]));
    for await (const r of read.records) {
      const b = buckets.get(r.datastreamId) as LevelBucket;
      b.records++;
      const v = numericValue(r.result);
      if (v !== undefined) addSample(b, r.time, v);
    }
    late += read.stats.late;
    for (const [id, b] of buckets) if (b.records > 0) put(id, b);
  }
  return {
    byDatastream: new Map(
      [...byDatastream].map(([id, m]) => [id, [...m.values()].sort((a, b) => a.start - b.start || a.end - b.end)]),
    ),
    tail,
    rolledUp,
    late,
  };
}
