import type { TimeBuffer } from "./time-buffer";
import type { JoinMode } from "./types";

/**
 * Drops from the buffers the records no pair with time ≥ frontier can involve. Such a pair's later record r is at
 * t ≥ frontier and its partners are at ≥ t − tolerance ≥ frontier − tolerance ("all"); in "neighbours" mode they are
 * moreover at ≥ min(prevR, prevQ), the greatest times below t of r's input and of the partner's, and each of those is
 * at least that input's last time below the frontier. So the bound is frontier − tolerance, raised in "neighbours"
 * mode to the least, over inputs, of the input's last time below the frontier (−∞ when it holds none). The bound only
 * grows, so a pruned record stays below every later bound.
 */
export function pruneBuffers<T>(
  buffers: readonly TimeBuffer<T>[],
  frontier: number,
  mode: JoinMode,
  toleranceMs: number,
): void {
  let bound = frontier - toleranceMs;
  if (mode === "neighbours") {
    let nearest = Number.POSITIVE_INFINITY;
    for (const buffer of buffers) {
      const last = buffer.cursor > buffer.head ? buffer.timeAt(buffer.cursor - 1) : Number.NEGATIVE_INFINITY;
      if (last < nearest) nearest = last;
    }
    if (nearest > bound) bound = nearest;
  }
  for (const buffer of buffers) buffer.prune(bound);
}
