// A range [from, to) cut into stretches that stored rollups can answer exactly: the middle in the coarsest whole
// buckets of a level, the edges in finer levels, and what is finer than the finest level (less than a second at
// each end) left to raw records. Aggregating each stretch and adding them up gives the range's aggregate.

export type RangeSegment = { level: number | "raw"; from: number; to: number };

/**
 * The stretches of [from, to) in time order, contiguous: for levels (bucket lengths in ms, epoch-aligned, each a
 * multiple of the next smaller one), the coarsest level with a whole bucket inside takes its whole buckets, and the
 * rest on either side goes to finer levels, down to raw. At most 2 × levels + 1 stretches.
 */
export function decomposeRange(from: number, to: number, levels: readonly number[]): RangeSegment[] {
  if (!(from < to)) return [];
  const sorted = [...levels].sort((a, b) => b - a);
  return cut(from, to, sorted);
}

function cut(from: number, to: number, levels: readonly number[]): RangeSegment[] {
  if (!(from < to)) return [];
  for (let i = 0; i < levels.length; i++) {
    const d = levels[i] as number;
    const a = Math.ceil(from / d) * d;
    const b = Math.floor(to / d) * d;
    if (a < b) {
      const finer = levels.slice(i + 1);
      return [...cut(from, a, finer), { level: d, from: a, to: b }, ...cut(b, to, finer)];
    }
  }
  return [{ level: "raw", from, to }];
}
