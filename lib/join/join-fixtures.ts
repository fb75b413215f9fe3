// Test inputs for the join's tests (not used by the join itself): generated feeds of several partitions per input,
// interleavings that keep each partition's order, and a runner that collects everything a join emits.
import fc from "fast-check";
import { IntervalJoin } from "./interval-join";
import type { JoinState } from "./join-state";
import type { JoinOptions, JoinPair, JoinRecord, LateRecord } from "./types";

export type Payload = { label: string };

/** A bounded input: per partition its records in offset order. */
export type Feed = {
  inputs: string[];
  /** partitions[input] = that input's partition names. */
  partitions: string[][];
  queues: JoinRecord<Payload>[][];
};

export type FeedShape = {
  inputs: number;
  maxPartitions: number;
  maxRecords: number;
  allowedLatenessMs: number;
  /** Generate records older than maxTimeSeen − allowedLateness (late). */
  withLate: boolean;
};

/** One partition's times: non-decreasing steps with ties, steps back within the lateness, and (optionally) late ones. */
function partitionTimes(shape: FeedShape): fc.Arbitrary<number[]> {
  const lateness = shape.allowedLatenessMs;
  const steps = [
    { weight: 3, arbitrary: fc.integer({ min: 1, max: 12 }) },
    { weight: 2, arbitrary: fc.constant(0) },
    { weight: 1, arbitrary: fc.integer({ min: 13, max: 40 }) },
  ];
  if (lateness > 0) steps.push({ weight: 1, arbitrary: fc.integer({ min: -lateness, max: -1 }) });
  if (shape.withLate) steps.push({ weight: 1, arbitrary: fc.integer({ min: -lateness - 30, max: -lateness - 1 }) });
  return fc
    .tuple(fc.integer({ min: 0, max: 30 }), fc.array(fc.oneof(...steps), { maxLength: shape.maxRecords }))
    .map(([start, deltas]) => {
      let max = start;
      const times = [start];
      for (const delta of deltas) {
        const time = max + delta;
        times.push(time);
        // A late record does not move its partition's watermark; any other one may.
        if (time >= max - lateness && time > max) max = time;
      }
      return times;
    });
}

export function arbitraryFeed(shape: FeedShape): fc.Arbitrary<Feed> {
  const inputs = Array.from({ length: shape.inputs }, (_, i) => `car${i + 1}`);
  return fc
    .tuple(
      ...inputs.map(() =>
        fc.array(fc.tuple(partitionTimes(shape), fc.boolean()), { minLength: 1, maxLength: shape.maxPartitions }),
      ),
    )
    .map((perInput) => {
      const partitions: string[][] = [];
      const queues: JoinRecord<Payload>[][] = [];
      perInput.forEach((parts, input) => {
        const names: string[] = [];
        parts.forEach(([times, bigintOffsets], p) => {
          const partition = `${inputs[input]}.int#${p}`;
          names.push(partition);
          queues.push(
            times.map((time, i) => {
              const offset = 3 * i + (i % 2); // gaps, as transaction markers leave them
              return {
                input,
                partition,
                offset: bigintOffsets ? BigInt(offset) : String(offset),
                time,
                payload: { label: `${partition}/${i}` },
              };
            }),
          );
        });
        partitions.push(names);
      });
      return { inputs, partitions, queues };
    });
}

export const feedSize = (feed: Feed) => feed.queues.reduce((n, q) => n + q.length, 0);

/** An interleaving of the feed that keeps each partition's order; choices pick the next non-empty partition. */
export function interleave(feed: Feed, choices: readonly number[]): JoinRecord<Payload>[] {
  const cursors = feed.queues.map(() => 0);
  const out: JoinRecord<Payload>[] = [];
  let step = 0;
  for (;;) {
    const open = feed.queues.flatMap((q, i) => ((cursors[i] as number) < q.length ? [i] : []));
    if (open.length === 0) return out;
    const pick = open[(choices[step++ % Math.max(1, choices.length)] ?? 0) % open.length] as number;
    const queue = feed.queues[pick] as JoinRecord<Payload>[];
    out.push(queue[cursors[pick] as number] as JoinRecord<Payload>);
    cursors[pick] = (cursors[pick] as number) + 1;
  }
}

export const arbitraryChoices = (feed: Feed) =>
  fc.array(fc.nat({ max: 1_000 }), { minLength: feedSize(feed), maxLength: feedSize(feed) });

export type RunOutput = { pairs: JoinPair<Payload>[]; late: LateRecord<Payload>[] };

export type RunSettings = Omit<JoinOptions<Payload>, "inputs">;

export function newJoin(feed: Feed, settings: RunSettings): IntervalJoin<Payload> {
  const join = new IntervalJoin<Payload>({ inputs: feed.inputs, ...settings });
  feed.partitions.forEach((names, input) => {
    join.assignPartitions(input, names);
  });
  return join;
}

/**
 * Feeds the records in order and flushes; with `restartAt`, snapshots before those record indices, round-trips the
 * snapshot through JSON and continues on a restored join (a worker killed and restarted between transactions).
 */
export function runJoin(
  feed: Feed,
  records: readonly JoinRecord<Payload>[],
  settings: RunSettings,
  restartAt: ReadonlySet<number> = new Set(),
): RunOutput {
  let join = newJoin(feed, settings);
  const out: RunOutput = { pairs: [], late: [] };
  records.forEach((record, i) => {
    if (restartAt.has(i)) {
      const state = JSON.parse(JSON.stringify(join.snapshot())) as JoinState<Payload>;
      join = IntervalJoin.restore(state, { inputs: feed.inputs, ...settings });
    }
    const step = join.push(record);
    out.pairs.push(...step.pairs);
    out.late.push(...step.late);
  });
  out.pairs.push(...join.flushAll().pairs);
  return out;
}

/** What a run emitted, as comparable text: pairs in emission order, late records sorted. */
export function summarise(output: RunOutput): { pairs: string[]; late: string[] } {
  return {
    pairs: output.pairs.map((p) => `${p.time} ${p.leftInput}-${p.rightInput} ${p.left.time}/${p.right.time} ${p.key}`),
    late: output.late.map((l) => `${l.partition}@${l.offset} t=${l.time} wm=${l.watermark}`).sort(),
  };
}
