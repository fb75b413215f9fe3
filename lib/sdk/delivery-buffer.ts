/** A run of consecutive messages of one partition: the records to deliver, and the last offset it covers. */
export interface Chunk<T> {
  topic: string;
  partition: number;
  /** Records to deliver, in offset order (messages filtered out or rejected are simply absent). */
  records: T[];
  /** The last offset of the run, delivered or not: once the run is done, the position is past it. */
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

const key = (topic: string, partition: number) => `${topic}\u0000${partition}`;
const next = (offset: string) => (BigInt(offset) + 1n).toString();

/**
 * The bridge between a push source (kafkajs' eachBatch) and a pull consumer (an async iterator), bounded to
 * `capacity` records so a slow reader slows the fetches instead of filling memory. It also decides what may be
 * committed: a record counts as delivered once the reader asks for the next one (or ends the loop), and a
 * partition's position moves past a message only when every message before it was delivered or skipped.
 */
export class DeliveryBuffer<T> {
  private chunks: Chunk<T>[] = [];
  private units = 0;
  private current: { chunk: Chunk<T>; index: number; key: string } | undefined;
  private lastYielded: T | undefined;
  /** Per partition, the last offset delivered or skipped. */
  private positions = new Map<string, CommitPosition>();
  private dirty = new Set<string>();
  private ended: { error?: unknown } | undefined;
  private readers: (() => void)[] = [];
  private writers: (() => void)[] = [];

  constructor(
    private readonly capacity: number,
    /** A record's offset in its partition. */
    private readonly offsetOf: (record: T) => string,
    private readonly waitTickMs = 3000,
  ) {}

  get size(): number {
    return this.units;
  }

  /** Queues a chunk, waiting while the buffer is full; false when the wait was cancelled or the buffer ended. */
  async push(chunk: Chunk<T>, control: PushControl = {}): Promise<boolean> {
    while (this.units >= this.capacity && !this.ended) {
      if (control.cancelled?.()) return false;
      const timedOut = await this.waitForRoom();
      if (timedOut) await control.onWait?.();
    }
    if (this.ended || control.cancelled?.()) return false;
    this.chunks.push(chunk);
    // An empty run still takes a unit, so runs of filtered messages cannot pile up without bound.
    this.units += Math.max(1, chunk.records.length);
    this.wakeReaders();
    return true;
  }

  /** The next record; marks the previous one delivered. Resolves done after end(), rejects after end(error). */
  async next(): Promise<IteratorResult<T, undefined>> {
    this.markDelivered();
    for (;;) {
      const cur = this.current;
      if (cur && cur.index < cur.chunk.records.length) {
        const record = cur.chunk.records[cur.index++] as T;
        this.lastYielded = record;
        return { done: false, value: record };
      }
      if (cur) {
        // Every record of the run was delivered: the position moves past its skipped tail too.
        this.advance(cur, cur.chunk.lastOffset);
        this.current = undefined;
      }
      if (this.ended) {
        if (this.ended.error !== undefined) throw this.ended.error;
        return { done: true, value: undefined };
      }
      const chunk = this.chunks.shift();
      if (chunk) {
        this.units -= Math.max(1, chunk.records.length);
        this.wakeWriters();
        this.current = { chunk, index: 0, key: key(chunk.topic, chunk.partition) };
        continue;
      }
      await new Promise<void>((resolve) => this.readers.push(resolve));
    }
  }

  /**
   * Counts the record last returned by next() as delivered: next() does it itself; the iterator's return() calls it
   * when a loop ends by break, so the record the loop body handled last is committed too.
   */
  markDelivered(): void {
    const last = this.lastYielded;
    const cur = this.current;
    if (last === undefined || !cur) return;
    this.lastYielded = undefined;
    this.advance(cur, this.offsetOf(last));
    if (cur.index >= cur.chunk.records.length) {
      this.advance(cur, cur.chunk.lastOffset);
      this.current = undefined;
    }
  }

  /** Positions that moved since the last call, to commit. */
  takeCommits(): CommitPosition[] {
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

  /** Forgets queued messages of partitions this member no longer owns (after a rebalance); they are not committed. */
  dropPartitions(keep: (topic: string, partition: number) => boolean): void {
    const kept = this.chunks.filter((c) => keep(c.topic, c.partition));
    for (const c of this.chunks) if (!kept.includes(c)) this.units -= Math.max(1, c.records.length);
    this.chunks = kept;
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
    this.ended = error === undefined ? {} : { error };
    this.chunks = [];
    this.units = 0;
    this.wakeReaders();
    this.wakeWriters();
  }

  get isEnded(): boolean {
    return this.ended !== undefined;
  }

  /** Moves a partition's position past `offset` (kept as the offset done; takeCommits() adds the one). */
  private advance(cur: { chunk: Chunk<T>; key: string }, offset: string): void {
    const done = this.positions.get(cur.key);
    if (done) done.offset = offset;
    else this.positions.set(cur.key, { topic: cur.chunk.topic, partition: cur.chunk.partition, offset });
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
