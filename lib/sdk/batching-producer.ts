import { kafkaErrorKind } from "../kafka/errors";
import { SdkError } from "./errors";
import { sdkErrorFromKafka } from "./kafka-failure";

export interface OutgoingMessage {
  topic: string;
  key: string;
  value: string;
  headers?: Readonly<Record<string, string>>;
  /** The Kafka message timestamp (epoch ms); the producer's clock when absent. */
  timestamp?: number;
}

export type SendBatch = (messages: OutgoingMessage[]) => Promise<void>;

const accepted: Promise<void> = Promise.resolve();

export interface BatchingOptions {
  /** How long a record may wait for companions before its batch is sent (ms). */
  lingerMs?: number;
  /** Records per send. */
  maxBatchRecords?: number;
  /** Records held (waiting or in flight) before add() waits: the backpressure bound. */
  maxBufferedRecords?: number;
  /** Which send failures are worth retrying (by default: the broker was unreachable). */
  retriable?: (error: unknown) => boolean;
  /** First pause before retrying a failed batch; doubles up to 5 s. */
  retryDelayMs?: number;
}

/**
 * Batches records for one sender, in order: one batch in flight at a time (so a retried batch never overtakes a
 * later one), records sent when `maxBatchRecords` are waiting, when the oldest has waited `lingerMs`, or on flush().
 * Never drops: add() waits while `maxBufferedRecords` are held; a failed batch goes back to the head of the queue.
 * A retriable failure (broker away) is retried with backoff while flush() reports it; any other failure (refused
 * credential or ACL) stops the producer, and add(), flush() and close() then reject with it, naming how many records
 * were not sent.
 */
export class BatchingProducer {
  readonly stats = { sent: 0, failedSends: 0 };
  private queue: OutgoingMessage[] = [];
  private inFlight = 0;
  private added = 0;
  private sending = false;
  private lingerTimer: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryDelay: number;
  private urgentUntil = 0;
  private lastError: unknown;
  private failed: SdkError | undefined;
  private closed = false;
  private waiters: (() => void)[] = [];
  private readonly lingerMs: number;
  private readonly maxBatch: number;
  private readonly maxBuffered: number;
  private readonly retriable: (error: unknown) => boolean;
  private readonly firstRetryDelay: number;

  constructor(
    private readonly send: SendBatch,
    options: BatchingOptions = {},
  ) {
    this.lingerMs = options.lingerMs ?? 5;
    this.maxBatch = options.maxBatchRecords ?? 1000;
    this.maxBuffered = Math.max(options.maxBufferedRecords ?? 10_000, this.maxBatch);
    this.retriable = options.retriable ?? ((error) => kafkaErrorKind(error) === "unavailable");
    this.firstRetryDelay = options.retryDelayMs ?? 250;
    this.retryDelay = this.firstRetryDelay;
  }

  /** Records accepted and not yet acknowledged by the broker. */
  get buffered(): number {
    return this.queue.length + this.inFlight;
  }

  /** Accepts a record; waits while the buffer is full. */
  add(message: OutgoingMessage): Promise<void> {
    // The common case, room in the buffer, costs no promise of its own: produce() calls this once per record.
    if (this.buffered < this.maxBuffered && !this.failed && !this.closed) {
      this.enqueue(message);
      return accepted;
    }
    return this.addWhenRoom(message);
  }

  private async addWhenRoom(message: OutgoingMessage): Promise<void> {
    while (this.buffered >= this.maxBuffered) {
      this.throwIfUnusable();
      this.urgentUntil = Math.max(this.urgentUntil, this.added);
      this.pump();
      await this.changed();
    }
    this.throwIfUnusable();
    this.enqueue(message);
  }

  private enqueue(message: OutgoingMessage): void {
    this.queue.push(message);
    this.added++;
    if (this.queue.length >= this.maxBatch) this.pump();
    else this.lingerTimer ??= setTimeout(() => this.lingerExpired(), this.lingerMs);
  }

  /** Resolves once every record accepted so far is acknowledged; rejects with the last failure if one stops it. */
  async flush(): Promise<void> {
    const target = this.added;
    const failuresBefore = this.stats.failedSends;
    this.urgentUntil = Math.max(this.urgentUntil, target);
    if (this.retryTimer) {
      // A flush is someone waiting: retry now rather than after the backoff.
      clearTimeout(this.retryTimer);
      this.retryTimer = undefined;
    }
    this.pump();
    while (this.stats.sent < target) {
      if (this.failed) throw this.failed;
      if (this.stats.failedSends > failuresBefore) throw this.pendingFailure(this.lastError);
      await this.changed();
    }
  }

  /** Flushes and stops; after a failure, rejects naming the records that were not sent. */
  async close(): Promise<void> {
    try {
      await this.flush();
    } finally {
      this.closed = true;
      clearTimeout(this.lingerTimer);
      clearTimeout(this.retryTimer);
      this.wake();
    }
  }

  private throwIfUnusable(): void {
    if (this.failed) throw this.failed;
    if (this.closed) throw new SdkError("closed", "the producer is closed");
  }

  private lingerExpired(): void {
    this.lingerTimer = undefined;
    this.pump(true);
  }

  private pump(lingered = false): void {
    if (this.sending || this.failed || this.retryTimer || this.queue.length === 0) return;
    const urgent = this.stats.sent + this.inFlight < this.urgentUntil;
    if (!lingered && !urgent && this.queue.length < this.maxBatch) return;
    const batch = this.queue.splice(0, this.maxBatch);
    this.inFlight = batch.length;
    this.sending = true;
    this.send(batch).then(
      () => {
        this.sending = false;
        this.inFlight = 0;
        this.stats.sent += batch.length;
        this.lastError = undefined;
        this.retryDelay = this.firstRetryDelay;
        this.wake();
        this.afterSend();
      },
      (error: unknown) => {
        this.sending = false;
        this.inFlight = 0;
        this.stats.failedSends++;
        this.queue = batch.concat(this.queue);
        this.lastError = error;
        if (this.retriable(error)) {
          this.retryTimer = setTimeout(() => {
            this.retryTimer = undefined;
            this.pump(true);
          }, this.retryDelay);
          this.retryDelay = Math.min(this.retryDelay * 2, 5000);
        } else {
          this.failed = this.pendingFailure(error);
        }
        this.wake();
      },
    );
  }

  private afterSend(): void {
    if (this.queue.length === 0) return;
    if (this.queue.length >= this.maxBatch || this.stats.sent < this.urgentUntil) this.pump();
    else this.lingerTimer ??= setTimeout(() => this.lingerExpired(), this.lingerMs);
  }

  private pendingFailure(error: unknown): SdkError {
    return sdkErrorFromKafka(error, `${this.buffered} record(s) not sent`);
  }

  private changed(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}
