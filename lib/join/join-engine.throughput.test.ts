import { expect, it } from "vitest";
import { IntervalJoin } from "./interval-join";
import type { JoinMode, JoinRecord } from "./types";

// Prints (does not assert) the join's throughput on 1,000,000 records: two cars, four partitions each, a record per
// partition every 8 ms (car1) and 12 ms (car2) with jitter within the allowed lateness, fed in arrival order in
// fetches of 500 records the way the worker would. Figures are in lib/join/join-engine.bench-note.md.

type Reading = { speed: number };

function records(count: number): JoinRecord<Reading>[] {
  const out: JoinRecord<Reading>[] = [];
  const next = [0, 0, 0, 0, 0, 0, 0, 0];
  let seed = 12345;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let i = 0; i < count; i++) {
    // The partition whose next record is due first: arrival in (roughly) time order, as from a live topic.
    let p = 0;
    for (let q = 1; q < 8; q++) if ((next[q] as number) < (next[p] as number)) p = q;
    const input = p < 4 ? 0 : 1;
    const due = next[p] as number;
    next[p] = due + (input === 0 ? 8 : 12);
    out.push({
      input,
      partition: `car${input + 1}.int#${p % 4}`,
      offset: BigInt(i),
      time: 1_764_000_000_000 + due + Math.floor(random() * 20) - 10,
      payload: { speed: random() * 100 },
    });
  }
  return out;
}

function run(mode: JoinMode, input: readonly JoinRecord<Reading>[]) {
  const join = new IntervalJoin<Reading>({
    inputs: ["car1", "car2"],
    toleranceMs: 20,
    allowedLatenessMs: 50,
    mode,
    payloadBytes: () => 24,
  });
  join.assignPartitions(0, ["car1.int#0", "car1.int#1", "car1.int#2", "car1.int#3"]);
  join.assignPartitions(1, ["car2.int#0", "car2.int#1", "car2.int#2", "car2.int#3"]);
  let pairs = 0;
  let maxBuffered = 0;
  let maxBytes = 0;
  const started = performance.now();
  for (let i = 0; i < input.length; i += 500) {
    const step = join.pushAll(input.slice(i, i + 500), i);
    pairs += step.pairs.length;
    const { buffered, stateBytes } = join.stats;
    if (buffered > maxBuffered) maxBuffered = buffered;
    if (stateBytes > maxBytes) maxBytes = stateBytes;
  }
  pairs += join.flushAll().pairs.length;
  const seconds = (performance.now() - started) / 1000;
  return { pairs, seconds, maxBuffered, maxBytes, late: join.stats.latePerInput };
}

it("prints pairs/s for 1,000,000 records", { timeout: 120_000 }, () => {
  const input = records(1_000_000);
  for (const mode of ["neighbours", "all"] as const) {
    const r = run(mode, input);
    console.log(
      `${mode}: ${input.length} records, ${r.pairs} pairs in ${r.seconds.toFixed(2)} s: ` +
        `${Math.round(input.length / r.seconds)} records/s, ${Math.round(r.pairs / r.seconds)} pairs/s; ` +
        `at most ${r.maxBuffered} records (${r.maxBytes} bytes) held; late ${r.late.join("/")}`,
    );
    expect(r.pairs).toBeGreaterThan(0);
  }
});
