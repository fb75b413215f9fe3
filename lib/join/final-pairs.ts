import { comparePairs } from "./compare-pairs";
import type { TimeBuffer } from "./time-buffer";
import type { JoinedRecord, JoinMode, JoinPair } from "./types";

/**
 * Appends to `out`, in canonical order, every pair whose time (the later record's time) is below `frontier` and that
 * has not been emitted yet, and marks those later records processed.
 *
 * Each pair is found once, from its later record r (time t, input R) and the other input Q: the partners are Q's
 * records with time in [low, t), plus Q's records at exactly t when Q < R (so an equal-time pair is found from the
 * higher input only). In "all" mode low = t − tolerance. In "neighbours" mode a pair (q, r) with t_q < t is a pair
 * iff r is q's succeeding record in R (no R record in (t_q, t), i.e. t_q ≥ prevR, the greatest R time below t) or
 * q is r's preceding record in Q (no Q record in (t_q, t], i.e. Q has none at t and t_q = prevQ, the greatest Q time
 * below t); so low = max(t − tolerance, min(prevR, prevQ)), with prevQ = +∞ when Q has a record at t.
 */
export function emitFinalPairs<T>(
  buffers: readonly TimeBuffer<T>[],
  frontier: number,
  mode: JoinMode,
  toleranceMs: number,
  out: JoinPair<T>[],
): number {
  const from = out.length;
  const neighbours = mode === "neighbours";
  for (let ri = 0; ri < buffers.length; ri++) {
    const own = buffers[ri] as TimeBuffer<T>;
    while (own.cursor < own.end && own.timeAt(own.cursor) < frontier) {
      const k = own.cursor;
      const r = own.at(k);
      const t = r.time;
      let prevOwn = Number.NEGATIVE_INFINITY;
      if (neighbours && k > own.head) {
        const before = own.timeAt(k - 1);
        if (before < t) prevOwn = before;
        else {
          const firstAtT = own.lowerBound(t, own.head, k);
          if (firstAtT > own.head) prevOwn = own.timeAt(firstAtT - 1);
        }
      }
      for (let qi = 0; qi < buffers.length; qi++) {
        if (qi === ri) continue;
        const other = buffers[qi] as TimeBuffer<T>;
        const atT = other.lowerBound(t);
        let low = t - toleranceMs;
        if (neighbours) {
          // q is r's preceding record only when Q has nothing in (t_q, t], in particular nothing at t.
          const qAtT = atT < other.end && other.timeAt(atT) === t;
          const prevOther = qAtT
            ? Number.POSITIVE_INFINITY
            : atT > other.head
              ? other.timeAt(atT - 1)
              : Number.NEGATIVE_INFINITY;
          const nearest = Math.min(prevOwn, prevOther);
          if (nearest > low) low = nearest;
        }
        for (let i = other.lowerBound(low, other.head, atT); i < atT; i++) out.push(pairOf(r, other.at(i)));
        if (qi < ri) {
          const afterT = other.upperBound(t, atT);
          for (let i = atT; i < afterT; i++) out.push(pairOf(r, other.at(i)));
        }
      }
      own.advanceCursor();
    }
  }
  if (out.length - from > 1) sortTail(out, from);
  return out.length - from;
}

function pairOf<T>(a: JoinedRecord<T>, b: JoinedRecord<T>): JoinPair<T> {
  const left = a.input < b.input ? a : b;
  const right = left === a ? b : a;
  return {
    left,
    right,
    leftInput: left.input,
    rightInput: right.input,
    time: Math.max(left.time, right.time),
    key: `${left.partition}@${left.offset}+${right.partition}@${right.offset}`,
  };
}

function sortTail<T>(out: JoinPair<T>[], from: number): void {
  if (from === 0) {
    out.sort(comparePairs);
    return;
  }
  const tail = out.splice(from).sort(comparePairs);
  for (const pair of tail) out.push(pair);
}
