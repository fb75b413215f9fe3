import { compareIdentity } from "./record-identity";
import type { JoinedRecord } from "./types";

const COMPACT_AFTER = 4096;

/**
 * One input's held records, sorted by (time, partition, offset). Records mostly arrive in time order, so insertion
 * is an append; a record behind the newest (within the allowed lateness) is placed by binary search. Pruned records
 * leave from the front by moving `head`; the array is compacted once the dead prefix is large, so pruning is
 * amortised O(1). Indices `head ≤ cursor ≤ end`: records before `cursor` have been processed as the later record
 * of their pairs (their time is below the emission frontier).
 */
export class TimeBuffer<T> {
  private items: JoinedRecord<T>[] = [];
  private start = 0;
  private done = 0;
  private heldBytes = 0;

  constructor(private readonly sizeOf: (record: JoinedRecord<T>) => number) {}

  get head(): number {
    return this.start;
  }

  get end(): number {
    return this.items.length;
  }

  get cursor(): number {
    return this.done;
  }

  get size(): number {
    return this.items.length - this.start;
  }

  get bytes(): number {
    return this.heldBytes;
  }

  at(index: number): JoinedRecord<T> {
    return this.items[index] as JoinedRecord<T>;
  }

  timeAt(index: number): number {
    return (this.items[index] as JoinedRecord<T>).time;
  }

  /** Inserts in (time, identity) order. The caller guarantees time ≥ every processed record's time. */
  insert(record: JoinedRecord<T>): void {
    const items = this.items;
    this.heldBytes += this.sizeOf(record);
    const last = items[items.length - 1];
    if (last === undefined || items.length === this.start || !precedes(record, last)) {
      items.push(record);
      return;
    }
    let lo = this.done;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (precedes(record, items[mid] as JoinedRecord<T>)) hi = mid;
      else lo = mid + 1;
    }
    items.splice(lo, 0, record);
  }

  /** First index in [from, to) whose time is ≥ time (to when none). */
  lowerBound(time: number, from: number = this.start, to: number = this.items.length): number {
    const items = this.items;
    let lo = from;
    let hi = to;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((items[mid] as JoinedRecord<T>).time < time) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** First index in [from, to) whose time is > time (to when none). */
  upperBound(time: number, from: number = this.start, to: number = this.items.length): number {
    const items = this.items;
    let lo = from;
    let hi = to;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((items[mid] as JoinedRecord<T>).time <= time) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Marks the record at the cursor as processed. */
  advanceCursor(): void {
    this.done++;
  }

  /** Drops processed records with time < bound from the front. */
  prune(bound: number): void {
    const items = this.items;
    let start = this.start;
    while (start < this.done && (items[start] as JoinedRecord<T>).time < bound) {
      this.heldBytes -= this.sizeOf(items[start] as JoinedRecord<T>);
      start++;
    }
    this.start = start;
    if (start >= COMPACT_AFTER && start * 2 >= items.length) {
      items.splice(0, start);
      this.done -= start;
      this.start = 0;
    }
  }

  /** The held records, oldest first (for snapshots). */
  toArray(): JoinedRecord<T>[] {
    return this.items.slice(this.start);
  }

  /** Refills the buffer from a snapshot: records sorted; those with time < frontier were already processed. */
  load(records: readonly JoinedRecord<T>[], frontier: number): void {
    this.items = records.slice();
    this.start = 0;
    this.done = this.lowerBound(frontier);
    this.heldBytes = 0;
    for (const record of this.items) this.heldBytes += this.sizeOf(record);
  }
}

function precedes<T>(a: JoinedRecord<T>, b: JoinedRecord<T>): boolean {
  if (a.time !== b.time) return a.time < b.time;
  return compareIdentity(a.partition, a.offset, b.partition, b.offset) < 0;
}
