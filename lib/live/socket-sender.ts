import type { LiveFrame, LiveRecord, StreamKey } from "./live-protocol";

/** What the sender needs of a socket: send a binary frame, and its engine's backlog (packets not yet written). */
export interface FrameSink {
  sendFrame(frame: Buffer): void;
  sendMissed(stream: StreamKey, records: number): void;
  /** Packets the connection still holds to write; 0 when it keeps up. */
  backlog(): number;
  /** Calls back once the connection has written its backlog. */
  onDrain(callback: () => void): void;
}

export interface SenderLimits {
  /** Frames queued for the socket at most; past this the oldest go (for this socket alone). */
  maxQueuedFrames: number;
  /** Records per frame at most. */
  maxRecordsPerFrame: number;
  /** Packets the connection may hold unwritten before the sender waits for it to drain. */
  maxBacklog: number;
}

export const DEFAULT_SENDER_LIMITS: SenderLimits = { maxQueuedFrames: 1000, maxRecordsPerFrame: 500, maxBacklog: 8 };

interface Queued {
  stream: StreamKey;
  records: number;
  bytes: Buffer;
}

/** Encodes a frame once; every socket that gets it sends the same bytes. */
export function encodeFrame(frame: LiveFrame): Buffer {
  return Buffer.from(JSON.stringify(frame), "utf8");
}

/**
 * One socket's outbox. Frames wait in a bounded queue and go out only as fast as the connection writes them (its
 * engine's backlog stays small), so a slow browser holds at most `maxQueuedFrames` frames here and nothing in the
 * shared path: it never slows the others or the server. When the queue is full the oldest frames are dropped, the
 * records counted per stream, and the socket told how many it missed before its next frame of that stream.
 */
export class SocketSender {
  private readonly queue: Queued[] = [];
  private head = 0;
  private readonly missed = new Map<StreamKey, number>();
  private waiting = false;
  private held = new Set<StreamKey>();
  private readonly heldFrames = new Map<StreamKey, Queued[]>();
  readonly stats = { framesSent: 0, recordsSent: 0, recordsDropped: 0 };

  constructor(
    private readonly sink: FrameSink,
    private readonly limits: SenderLimits = DEFAULT_SENDER_LIMITS,
  ) {}

  get queued(): number {
    return this.queue.length - this.head;
  }

  /**
   * Holds a stream's live frames until release(): while a gap is filled from Kafka, the newer live records wait
   * behind the backfill so the browser gets them in order. Held frames count against the queue's bound.
   */
  hold(stream: StreamKey): void {
    this.held.add(stream);
  }

  release(stream: StreamKey): void {
    this.held.delete(stream);
    const frames = this.heldFrames.get(stream) ?? [];
    this.heldFrames.delete(stream);
    for (const f of frames) this.enqueue(f);
    this.flush();
  }

  /** Queues an already encoded frame of `records` records (live, shared by every socket of the stream). */
  push(stream: StreamKey, records: number, bytes: Buffer): void {
    const q = { stream, records, bytes };
    if (this.held.has(stream)) {
      const list = this.heldFrames.get(stream) ?? [];
      list.push(q);
      this.heldFrames.set(stream, list);
      if (list.length > this.limits.maxQueuedFrames) this.drop(list.shift() as Queued);
      return;
    }
    this.enqueue(q);
    this.flush();
  }

  /** Queues a backfill frame ahead of held live frames (it is older than they are). */
  pushBackfill(stream: StreamKey, records: LiveRecord[], downsampled: boolean): void {
    for (let i = 0; i < records.length; i += this.limits.maxRecordsPerFrame) {
      const part = records.slice(i, i + this.limits.maxRecordsPerFrame);
      this.enqueue({
        stream,
        records: part.length,
        bytes: encodeFrame({ stream, records: part, backfill: true, downsampled }),
      });
    }
    this.flush();
  }

  /** Forgets a stream (unsubscribed): its queued frames are not sent. */
  forget(stream: StreamKey): void {
    this.held.delete(stream);
    this.heldFrames.delete(stream);
    this.missed.delete(stream);
    const rest = this.queue.slice(this.head).filter((q) => q.stream !== stream);
    this.queue.length = 0;
    this.head = 0;
    this.queue.push(...rest);
  }

  private enqueue(q: Queued): void {
    this.queue.push(q);
    while (this.queued > this.limits.maxQueuedFrames) this.drop(this.queue[this.head++] as Queued);
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
  }

  private drop(q: Queued): void {
    this.missed.set(q.stream, (this.missed.get(q.stream) ?? 0) + q.records);
    this.stats.recordsDropped += q.records;
  }

  private flush(): void {
    if (this.waiting) return;
    while (this.queued > 0) {
      if (this.sink.backlog() >= this.limits.maxBacklog) {
        this.waiting = true;
        this.sink.onDrain(() => {
          this.waiting = false;
          this.flush();
        });
        return;
      }
      const q = this.queue[this.head++] as Queued;
      const missed = this.missed.get(q.stream);
      if (missed) {
        this.missed.delete(q.stream);
        this.sink.sendMissed(q.stream, missed);
      }
      this.sink.sendFrame(q.bytes);
      this.stats.framesSent++;
      this.stats.recordsSent += q.records;
    }
    if (this.head > 0 && this.head === this.queue.length) {
      this.queue.length = 0;
      this.head = 0;
    }
    // Missed records of streams with nothing queued are said at once, not with a frame that may never come.
    for (const [stream, n] of this.missed) {
      this.missed.delete(stream);
      this.sink.sendMissed(stream, n);
    }
  }
}
