import { compareIdentity } from "./record-identity";
import type { JoinPair } from "./types";

/**
 * The canonical order of emitted pairs: by pair time (max of the two times), left input, right input, left time,
 * right time, left identity, right identity. The first component is what finality is monotone in, so every batch the
 * join emits sorts after everything it emitted before.
 */
export function comparePairs<T>(a: JoinPair<T>, b: JoinPair<T>): number {
  return (
    a.time - b.time ||
    a.leftInput - b.leftInput ||
    a.rightInput - b.rightInput ||
    a.left.time - b.left.time ||
    a.right.time - b.right.time ||
    compareIdentity(a.left.partition, a.left.offset, b.left.partition, b.left.offset) ||
    compareIdentity(a.right.partition, a.right.offset, b.right.partition, b.right.offset)
  );
}
