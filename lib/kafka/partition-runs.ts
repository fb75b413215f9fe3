import type { RawRecord } from "./raw-fetch";

/** A fetch's records as runs of one partition each: a fetch holds each partition's records together, in order. */
export function partitionRuns<R extends Pick<RawRecord, "topic" | "partition">>(records: readonly R[]): R[][] {
  const runs: R[][] = [];
  let current: R[] = [];
  for (const m of records) {
    const prev = current[0];
    if (prev && (prev.partition !== m.partition || prev.topic !== m.topic)) {
      runs.push(current);
      current = [];
    }
    current.push(m);
  }
  if (current.length > 0) runs.push(current);
  return runs;
}
