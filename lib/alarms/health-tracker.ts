// A datastream's arrival health as records pass: the newest record, records in the last minute and hour, and the
// usual interval between records (learnt). Pure; the evaluator flushes it to PostgreSQL every few seconds.

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
  private readonly seconds = new Array<number>(60).fill(0);
  private readonly minutes = new Array<number>(60).fill(0);
  private second = 0;
  private minute = 0;
  private interval: number | null = null;
  dirty = false;

  record(phenomenonAt: number, seenAt: number, value: unknown): void {
    this.advance(seenAt);
    this.seconds[this.second % 60] = (this.seconds[this.second % 60] ?? 0) + 1;
    this.minutes[this.minute % 60] = (this.minutes[this.minute % 60] ?? 0) + 1;
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

  /** Moves the rolling windows to `now`, zeroing the seconds and minutes that passed without records. */
  private advance(now: number): void {
    const second = Math.floor(now / 1000);
    const minute = Math.floor(now / 60_000);
    if (this.second === 0) {
      this.second = second;
      this.minute = minute;
      return;
    }
    for (let s = this.second + 1; s <= Math.min(second, this.second + 60); s++) this.seconds[s % 60] = 0;
    for (let m = this.minute + 1; m <= Math.min(minute, this.minute + 60); m++) this.minutes[m % 60] = 0;
    this.second = Math.max(this.second, second);
    this.minute = Math.max(this.minute, minute);
  }

  snapshot(now: number): HealthSnapshot {
    this.advance(now);
    return {
      lastPhenomenonAt: this.lastPhenomenonAt,
      lastSeenAt: this.lastSeenAt,
      lastValue: this.lastValue,
      perMinute: this.seconds.reduce((a, b) => a + b, 0),
      perHour: this.minutes.reduce((a, b) => a + b, 0),
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
