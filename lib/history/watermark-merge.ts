// Puts records read from several Kafka partitions into trace order (phenomenon time, then the rest of the TraceKey)
// with bounded memory, although no partition is sorted by phenomenon time. What makes it possible is the lateness
// rule (docs/history.md): a record counts only if no earlier message of its partition carried a broker timestamp
// `margin` or more past its phenomenon time, and its own broker timestamp is not more than `margin` before it.
// So once a partition has shown broker time T, every record it still holds for us is later than T − margin: all
// buffered records up to the smallest such bound over the partitions still being read can go out, in order.
import { compareTraceKeys, type TraceKey } from "./merge-by-time";
import { MinHeap } from "./min-heap";

/** How a record stands to the lateness rule, judged when it is read. */
export type Arrival = "in-time" | "late" | "early-stamped";

/**
 * The lateness rule for one record: `maxBrokerTsBefore` is the largest broker timestamp of its partition's earlier
 * messages (those a read saw: any that matter lie after the read's start, see docs/history.md).
 */
export function arrivalOf(time: number, brokerTs: number, maxBrokerTsBefore: number, marginMs: number): Arrival {
  if (brokerTs < time - marginMs) return "early-stamped";
  if (maxBrokerTsBefore >= time + marginMs) return "late";
  return "in-time";
}

/** A partition as the merge sees it: the largest broker time it has shown, and whether it is read to its end. */
export interface Source {
  maxBrokerTs: number;
  finished: boolean;
}

/**
 * The merge of many partitions' records into trace order. Feed it every message a partition yields, in offset order
 * (`observe`, for the lateness rule and the watermark), the records that count (`push`), and the end of each
 * partition (`finish`); `drain` yields what can go out now, `waitingOn` names the partitions to read next.
 */
export class WatermarkMerge<R extends TraceKey> {
  private readonly sources = new Map<string, Source>();
  // Records that came in order (each at or after the one before) wait in a queue, the rest in a heap: in the common
  // case, a partition read in time order, a record costs O(1) instead of a heap's O(log n).
  private readonly heap = new MinHeap<R>(compareTraceKeys);
  private queue: R[] = [];
  private head = 0;

  constructor(private readonly marginMs: number) {}

  /** Registers a partition, with the broker time already known to precede the read (e.g. where a rollup stopped). */
  add(source: string, maxBrokerTs = Number.NEGATIVE_INFINITY): void {
    this.sources.set(source, { maxBrokerTs, finished: false });
  }

  /**
   * One message of `source`, in offset order: how a record of phenomenon time `time` in it stands to the lateness
   * rule (undefined when the message holds no record of ours), then its broker time joins the partition's.
   */
  observe(source: string, brokerTs: number, time?: number): Arrival | undefined {
    const s = this.sourceOf(source);
    const arrival = time === undefined ? undefined : arrivalOf(time, brokerTs, s.maxBrokerTs, this.marginMs);
    if (brokerTs > s.maxBrokerTs) s.maxBrokerTs = brokerTs;
    return arrival;
  }

  /** The largest broker timestamp the partition has shown so far. */
  brokerTimeOf(source: string): number {
    return this.sourceOf(source).maxBrokerTs;
  }

  /** The partition itself, for a caller that observes many of its messages in a row. */
  source(id: string): Source {
    return this.sourceOf(id);
  }

  /** A record that counts (observed in time), to go out in order. */
  push(record: R): void {
    const last = this.queue.length > this.head ? this.queue[this.queue.length - 1] : undefined;
    if (last === undefined || compareTraceKeys(record, last) >= 0) this.queue.push(record);
    else this.heap.push(record);
  }

  /** The partition has nothing more to read. */
  finish(source: string): void {
    this.sourceOf(source).finished = true;
  }

  get buffered(): number {
    return this.heap.size + this.queue.length - this.head;
  }

  /** True when every partition is finished and every record went out. */
  get done(): boolean {
    return this.buffered === 0 && [...this.sources.values()].every((s) => s.finished);
  }

  /** The smallest buffered record: the queue's head or the heap's top. */
  private peek(): R | undefined {
    const q = this.head < this.queue.length ? this.queue[this.head] : undefined;
    const h = this.heap.peek();
    if (q === undefined) return h;
    if (h === undefined) return q;
    return compareTraceKeys(h, q) < 0 ? h : q;
  }

  /** Records that can go out now, in trace order. */
  *drain(): Generator<R, void> {
    const watermark = this.watermark();
    for (let top = this.peek(); top !== undefined && top.time <= watermark; top = this.peek()) {
      if (top === this.heap.peek()) this.heap.pop();
      else this.head++;
      yield top;
    }
    if (this.head > 4096 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
  }

  /** The partitions that hold the next record back: read these before draining again. */
  waitingOn(): string[] {
    const next = this.peek()?.time ?? Number.POSITIVE_INFINITY;
    const out: string[] = [];
    for (const [id, s] of this.sources) if (!s.finished && s.maxBrokerTs - this.marginMs < next) out.push(id);
    return out;
  }

  /**
   * Every record of an unfinished partition still to come has a phenomenon time above its broker time less the
   * margin; a record at or below the smallest of these over the partitions can go out (finished ones hold nothing).
   */
  private watermark(): number {
    let w = Number.POSITIVE_INFINITY;
    for (const s of this.sources.values())
      if (!s.finished && s.maxBrokerTs - this.marginMs < w) w = s.maxBrokerTs - this.marginMs;
    return w;
  }

  private sourceOf(source: string): Source {
    const s = this.sources.get(source);
    if (!s) throw new Error(`WatermarkMerge: unknown source ${source}`);
    return s;
  }
}
