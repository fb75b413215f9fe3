// A datastream's arrival health as records pass: the newest record, records in the last minute and hour, and the
// usual interval between records (learnt). Pure; the evaluator flushes it to PostgreSQL every few seconds.
import { RollingCount } from "../rolling-count";

export interface HealthSnapshot {
  lastPhenomenonAt: number;
  lastSeenAt: number;
  lastValue: unknown;
  perMinute: number;
  perHour: number;
  intervalMs: number | null;
}

export class HealthTracker {
  private lastPhenomenonAt = 0;
  private lastSeenAt = 0;
  private lastValue: unknown;
  private readonly count = new RollingCount();
  private interval: number | null = null;
  dirty = false;

  record(phenomenonAt: number, seenAt: number, value: unknown): void {
    this.count.add(1, seenAt);
    if (this.lastPhenomenonAt > 0 && phenomenonAt > this.lastPhenomenonAt) {
      const gap = phenomenonAt - this.lastPhenomenonAt;
      // A slow moving average: one odd gap does not change the usual interval much.
      this.interval = this.interval === null ? gap : Math.round(this.interval * 0.9 + gap * 0.1);
    }
    if (phenomenonAt >= this.lastPhenomenonAt) {
      this.lastPhenomenonAt = phenomenonAt;
      this.lastValue = value;
    }
    this.lastSeenAt = seenAt;
    this.dirty = true;
  }

  snapshot(now: number): HealthSnapshot {
    return {
      lastPhenomenonAt: this.lastPhenomenonAt,
      lastSeenAt: this.lastSeenAt,
      lastValue: this.lastValue,
      perMinute: this.count.perMinute(now),
      perHour: this.count.perHour(now),
      intervalMs: this.interval,
    };
  }
}

/** Whether a datastream is silent: no record for three times its usual (or expected) interval. */
export function isSilent(
  lastPhenomenonAt: number | undefined,
  intervalMs: number | null | undefined,
  now: number,
): boolean {
  if (!lastPhenomenonAt || !intervalMs) return false;
  return now - lastPhenomenonAt > 3 * Math.max(intervalMs, 1000);
}
