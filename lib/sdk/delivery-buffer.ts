/** A run of consecutive fetched messages of one partition, as kafkajs handed them over. */
export interface Run<M> {
  topic: string;
  partition: number;
  /** In offset order. */
  messages: readonly M[];
  /** The last offset of the run: once every record of the run is delivered, the position is past it. */
  lastOffset: string;
}

export interface CommitPosition {
  topic: string;
  partition: number;
  /** The offset of the next message to read (Kafka's committed-offset convention). */
  offset: string;
}

export interface PushControl {
  /** Called every `waitTickMs` while push() waits for room (e.g. a heartbeat to the group). */
  onWait?: () => Promise<void>;
  /** Checked while waiting: true stops the wait and push() returns false (e.g. the partition was revoked). */
  cancelled?: () => boolean;
}

export interface RunReader<M, T> {
  /**
   * A run's messages → the records to deliver, in offset order (messages filtered out or rejected are simply absent).
   * Called when the reader reaches the run, not when it is fetched, so only the run being read is held decoded.
   */
  process(run: Run<M>): Promise<T[]>;
  /** A record's offset in its partition. */
  offsetOf(record: T): string;
}

const key = (topic: string, partition: number) => `${topic}\u0000${partition}`;
const next = (offset: string) => (BigInt(offset) + 1n).toString();

interface Reading<M, T> {
  run: Run<M>;
  key: string;
  records: T[];
  /** Records handed out. */
  index: number;
  /** Records delivered: the reader asked for the next one (or ended its loop) after each. */
  delivered: number;
  /** `delivered` when the partition's position last took it in. */
  settled: number;
  /** The position is past the whole run. */
  settledAll: boolean;
}

/**
 * The bridge between a push source (kafkajs' eachBatch) and a pull consumer (an async iterator), bounded to
 * `capacity` fetched messages so a slow reader slows the fetches instead of filling memory. Runs wait as fetched
 * and are decoded when the reader reaches them (the decoded records of one run at a time are all it holds), and
 * records are handed out without a promise of their own while the run lasts (nextReady()).
 *
 * It also decides what may be committed: a record counts as delivered once the reader asks for the next one (or ends
 * the loop), and a partition's position moves past a message only when every message before it was delivered or
 * skipped. Positions are worked out when asked for (takeCommits) or when a run is done, not per record.
 */
export class DeliveryBuffer<M, T> {
  private runs: Run<M>[] = [];
  private units = 0;
  private current: Reading<M, T> | undefined;
  /** Per partition, the last offset delivered or skipped. */
  private positions = new Map<string, CommitPosition>();
  private dirty = new Set<string>();
  private ended: { error?: unknown } | undefined;
  private readers: (() => void)[] = [];
  private writers: (() => void)[] = [];
  /** Settles when the run a next() is decoding is ready (or failed). */
  private decoding: Promise<void> | undefined;
  /** Whether this member still owns a partition (as the last dropPartitions() said). */
  private owns: (topic: string, partition: number) => boolean = () => true;

  constructor(
    private readonly capacity: number,
    private readonly reader: RunReader<M, T>,
    private readonly waitTickMs = 3000,
  ) {}

  /** Fetched messages waiting for the reader (not counting the run being read). */
  get size(): number {
    return this.units;
  }

  /** Queues a run, waiting while the buffer is full; false when the wait was cancelled or the buffer ended. */
  async push(run: Run<M>, control: PushControl = {}): Promise<boolean> {
    while (this.units >= this.capacity && !this.ended) {
      if (control.cancelled?.()) return false;
      const timedOut = await this.waitForRoom();
      if (timedOut) await control.onWait?.();
    }
    if (this.ended || control.cancelled?.()) return false;
    this.runs.push(run);
    // An empty run still takes a unit, so runs cannot pile up without bound whatever they hold.
    this.units += Math.max(1, run.messages.length);
    this.wakeReaders();
    return true;
  }

  /**
   * The next record if one is decoded and ready, marking the previous one delivered; undefined when next() must
   * be awaited (a run to decode, nothing fetched yet, or the end). The reader's fast path: no promise, no lookup.
   */
  nextReady(): T | undefined {
    const cur = this.current;
    if (cur === undefined || cur.index >= cur.records.length || this.ended !== undefined) return undefined;
    cur.delivered = cur.index;
    return cur.records[cur.index++];
  }

  /** The next record; marks the previous one delivered. Resolves done after end(), rejects after end(error). */
  async next(): Promise<IteratorResult<T, undefined>> {
    this.markDelivered();
    for (;;) {
      if (this.ended) {
        if (this.ended.error !== undefined) throw this.ended.error;
        return { done: true, value: undefined };
      }
      const cur = this.current;
      if (cur && cur.index < cur.records.length) return { done: false, value: cur.records[cur.index++] as T };
      if (cur) this.finish(cur);
      if (this.decoding) {
        // Another next() is decoding the following run: take records from it, in order, once it is there.
        await this.decoding;
        continue;
      }
      const run = this.runs.shift();
      if (!run) {
        await new Promise<void>((resolve) => this.readers.push(resolve));
        continue;
      }
      this.units -= Math.max(1, run.messages.length);
      this.wakeWriters();
      const decoding = this.reader.process(run);
      this.decoding = decoding.then(
        () => undefined,
        () => undefined,
      );
      let records: T[];
      try {
        records = await decoding;
      } catch (error) {
        // A failing decoder (an onRejected hook that throws, say) ends the stream rather than skipping the run.
        this.end(error);
        throw error;
      } finally {
        this.decoding = undefined;
      }
      // end() or dropPartitions() may have come while the run was decoded: then it is not to be delivered.
      if (!this.ended && this.owned(run)) {
        this.current = {
          run,
          key: key(run.topic, run.partition),
          records,
          index: 0,
          delivered: 0,
          settled: 0,
          settledAll: false,
        };
      }
    }
  }

  /**
   * Counts the record last handed out as delivered: next() does it itself; the iterator's return() calls it when a
   * loop ends by break, so the record the loop body handled last is committed too.
   */
  markDelivered(): void {
    const cur = this.current;
    if (!cur) return;
    cur.delivered = cur.index;
    if (cur.delivered >= cur.records.length) this.finish(cur);
  }

  /** Positions that moved since the last call, to commit. */
  takeCommits(): CommitPosition[] {
    if (this.current) this.settle(this.current);
    const out = [...this.dirty].map((k) => {
      const done = this.positions.get(k) as CommitPosition;
      return { topic: done.topic, partition: done.partition, offset: next(done.offset) };
    });
    this.dirty.clear();
    return out;
  }

  /** Marks positions whose commit failed as due again, unless a newer position replaced them meanwhile. */
  retryCommits(positions: readonly CommitPosition[]): void {
    for (const p of positions) {
      const k = key(p.topic, p.partition);
      const done = this.positions.get(k);
      if (done && next(done.offset) === p.offset) this.dirty.add(k);
    }
  }

  /**
   * Forgets fetched messages of partitions this member no longer owns (after a rebalance), the run being read
   * included: they are neither delivered nor committed here; their new owner reads them from the committed position.
   */
  dropPartitions(keep: (topic: string, partition: number) => boolean): void {
    this.owns = keep;
    const kept = this.runs.filter((r) => keep(r.topic, r.partition));
    for (const r of this.runs) if (!kept.includes(r)) this.units -= Math.max(1, r.messages.length);
    this.runs = kept;
    const cur = this.current;
    if (cur && !keep(cur.run.topic, cur.run.partition)) this.current = undefined;
    for (const [k, p] of this.positions) {
      if (!keep(p.topic, p.partition)) {
        this.positions.delete(k);
        this.dirty.delete(k);
      }
    }
    this.wakeWriters();
  }

  /** Ends the stream: readers get done (or the error), waiting writers give up. Queued records are not delivered. */
  end(error?: unknown): void {
    if (this.ended) return;
    if (this.current) this.settle(this.current);
    this.ended = error === undefined ? {} : { error };
    this.runs = [];
    this.current = undefined;
    this.units = 0;
    this.wakeReaders();
    this.wakeWriters();
  }

  get isEnded(): boolean {
    return this.ended !== undefined;
  }

  private owned(run: Run<M>): boolean {
    return this.owns(run.topic, run.partition);
  }

  /** The run being read is done (every record delivered): its position moves past its skipped tail too. */
  private finish(cur: Reading<M, T>): void {
    this.settle(cur);
    this.current = undefined;
  }

  /** Takes the delivered part of the run being read into its partition's position. */
  private settle(cur: Reading<M, T>): void {
    let offset: string;
    if (cur.delivered >= cur.records.length) {
      if (cur.settledAll) return;
      cur.settledAll = true;
      offset = cur.run.lastOffset;
    } else {
      if (cur.delivered === cur.settled) return;
      offset = this.reader.offsetOf(cur.records[cur.delivered - 1] as T);
    }
    cur.settled = cur.delivered;
    const done = this.positions.get(cur.key);
    if (done) done.offset = offset;
    else this.positions.set(cur.key, { topic: cur.run.topic, partition: cur.run.partition, offset });
    this.dirty.add(cur.key);
  }

  private waitForRoom(): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(true), this.waitTickMs);
      this.writers.push(() => {
        clearTimeout(timer);
        resolve(false);
      });
    });
  }

  private wakeReaders(): void {
    const readers = this.readers;
    this.readers = [];
    for (const r of readers) r();
  }

  private wakeWriters(): void {
    const writers = this.writers;
    this.writers = [];
    for (const w of writers) w();
  }
}
