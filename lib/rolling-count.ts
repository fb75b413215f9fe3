// Events counted over the last minute (by second) and the last hour (by minute), as they happen. Pure.

export class RollingCount {
  private readonly seconds = new Array<number>(60).fill(0);
  private readonly minutes = new Array<number>(60).fill(0);
  private second = 0;
  private minute = 0;

  add(n: number, now: number): void {
    this.advance(now);
    this.seconds[this.second % 60] = (this.seconds[this.second % 60] ?? 0) + n;
    this.minutes[this.minute % 60] = (this.minutes[this.minute % 60] ?? 0) + n;
  }

  perMinute(now: number): number {
    this.advance(now);
    return this.seconds.reduce((a, b) => a + b, 0);
  }

  perHour(now: number): number {
    this.advance(now);
    return this.minutes.reduce((a, b) => a + b, 0);
  }

  /** Moves the windows to `now`, zeroing the seconds and minutes that passed without events. */
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
}
