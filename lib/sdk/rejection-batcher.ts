import { createLogger } from "../log";
import type { RejectedRecord } from "./rejected-record";
import type { RejectionReporter } from "./rejection-reporter";

const log = createLogger("sdk");

export interface RejectionBatcherOptions {
  /** Rejections per report. */
  maxBatch?: number;
  /** How long a rejection may wait for companions before it is reported. */
  intervalMs?: number;
  /** How many may wait while the console is unreachable; beyond that they are counted in `unreported`. */
  maxPending?: number;
}

/**
 * Sends rejections to a reporter in batches, off the consumer's path: one request per `intervalMs` or `maxBatch`
 * rejections, kept and retried while the console does not answer. Bounded: past `maxPending` a rejection is not
 * kept but counted (and warned about), since the consumer must not stall on the console.
 */
export class RejectionBatcher {
  readonly stats = { reported: 0, unreported: 0, failedReports: 0 };
  lastError: Error | undefined;
  private pending: RejectedRecord[] = [];
  private timer: NodeJS.Timeout | undefined;
  private sending: Promise<void> | undefined;
  private readonly maxBatch: number;
  private readonly intervalMs: number;
  private readonly maxPending: number;

  constructor(
    private readonly reporter: RejectionReporter,
    options: RejectionBatcherOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 100;
    this.intervalMs = options.intervalMs ?? 5000;
    this.maxPending = options.maxPending ?? 10_000;
  }

  get pendingCount(): number {
    return this.pending.length;
  }

  add(rejection: RejectedRecord): void {
    if (this.pending.length >= this.maxPending) {
      this.stats.unreported++;
      if (this.stats.unreported === 1 || this.stats.unreported % 1000 === 0) {
        log.warn("rejections are not reaching the console; counting them instead of keeping them", {
          unreported: this.stats.unreported,
          lastError: this.lastError?.message,
        });
      }
      return;
    }
    this.pending.push(rejection);
    if (this.pending.length >= this.maxBatch) void this.send();
    else this.timer ??= setTimeout(() => void this.send(), this.intervalMs).unref();
  }

  /** Reports everything pending now; rejects with the reporter's error if the console refuses or is away. */
  async flush(): Promise<void> {
    while (this.sending) await this.sending;
    while (this.pending.length > 0) {
      await this.send();
      if (this.lastError) throw this.lastError;
    }
  }

  /** Stops the timer; what is still pending stays counted in `pendingCount`. */
  close(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private send(): Promise<void> {
    if (this.sending) return this.sending;
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending.slice(0, this.maxBatch);
    if (batch.length === 0) return Promise.resolve();
    this.sending = this.reporter
      .report(batch)
      .then(() => {
        this.pending.splice(0, batch.length);
        this.stats.reported += batch.length;
        this.lastError = undefined;
      })
      .catch((error: Error) => {
        this.stats.failedReports++;
        this.lastError = error;
        log.warn("could not report rejected records to the console; will retry", { error: error.message });
      })
      .finally(() => {
        this.sending = undefined;
        if (this.pending.length > 0) this.timer ??= setTimeout(() => void this.send(), this.intervalMs).unref();
      });
    return this.sending;
  }
}
