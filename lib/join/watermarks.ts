// Watermarks of the join: per partition max(maxTimeSeen − allowedLateness, floor), per input the minimum over its
// non-idle partitions, joined the minimum over inputs. The emission frontier is the greatest joined watermark so far.
// `floor` is the frontier at the moment a partition was assigned or woke from idleness: it never pulls the joined
// watermark back, so the frontier only moves forward and every emitted pair stays final.

export type PartitionClock = {
  readonly name: string;
  readonly input: number;
  /** Greatest phenomenon time accepted on the partition; −∞ before the first record. */
  maxTime: number;
  floor: number;
  idle: boolean;
  /** Processing time of the last record, or null when the silence clock starts at the next `advanceIdle`. */
  lastActivityMs: number | null;
  /** Last offset consumed (canonical), null before the first record. */
  lastOffset: string | null;
};

export class Watermarks {
  readonly partitions = new Map<string, PartitionClock>();
  readonly byInput: PartitionClock[][];
  /** Per input: min over non-idle partitions; +∞ when every partition is idle; −∞ when it has none. */
  private readonly inputMin: number[];
  frontier = Number.NEGATIVE_INFINITY;

  constructor(
    inputCount: number,
    private readonly latenessMs: number,
  ) {
    this.byInput = Array.from({ length: inputCount }, () => []);
    this.inputMin = Array.from({ length: inputCount }, () => Number.NEGATIVE_INFINITY);
  }

  of(clock: PartitionClock): number {
    const own = clock.maxTime - this.latenessMs;
    return Math.max(own, clock.floor);
  }

  /** Adds partitions to an input (idempotent); a partition added later starts at the current frontier. */
  assign(input: number, names: readonly string[], inputNames: readonly string[]): void {
    for (const name of names) {
      const known = this.partitions.get(name);
      if (known !== undefined) {
        if (known.input !== input) {
          throw new RangeError(
            `Partition ${name} is already assigned to input ${inputNames[known.input]}, not ${inputNames[input]}`,
          );
        }
        continue;
      }
      this.add({
        name,
        input,
        maxTime: Number.NEGATIVE_INFINITY,
        floor: this.frontier,
        idle: false,
        lastActivityMs: null,
        lastOffset: null,
      });
    }
    this.recompute(input);
  }

  /** Restores a clock from a snapshot. */
  add(clock: PartitionClock): void {
    this.partitions.set(clock.name, clock);
    (this.byInput[clock.input] as PartitionClock[]).push(clock);
  }

  /** Accepts a record's time on a partition (call only for records that are not late). */
  observe(clock: PartitionClock, time: number): void {
    if (time <= clock.maxTime) return;
    const before = this.of(clock);
    clock.maxTime = time;
    if (!clock.idle && before <= (this.inputMin[clock.input] as number) && this.of(clock) !== before) {
      this.recompute(clock.input);
    }
  }

  setIdle(clock: PartitionClock, idle: boolean): void {
    if (clock.idle === idle) return;
    clock.idle = idle;
    if (!idle && clock.floor < this.frontier) clock.floor = this.frontier;
    this.recompute(clock.input);
  }

  recompute(input: number): void {
    const clocks = this.byInput[input] as PartitionClock[];
    let min = clocks.length === 0 ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    for (const clock of clocks) {
      if (clock.idle) continue;
      const wm = this.of(clock);
      if (wm < min) min = wm;
    }
    this.inputMin[input] = min;
  }

  /** The input's watermark: min over non-idle partitions; when all are idle, the greatest of theirs. */
  ofInput(input: number): number {
    const min = this.inputMin[input] as number;
    if (min !== Number.POSITIVE_INFINITY) return min;
    let max = Number.NEGATIVE_INFINITY;
    for (const clock of this.byInput[input] as PartitionClock[]) max = Math.max(max, this.of(clock));
    return max;
  }

  /**
   * Moves the frontier to the joined watermark: the minimum over inputs that have a non-idle partition; when every
   * partition of every input is idle, the greatest partition watermark (progress is kept, not jumped to +∞).
   */
  advance(): number {
    let min = Number.POSITIVE_INFINITY;
    for (const value of this.inputMin) if (value < min) min = value;
    if (min === Number.POSITIVE_INFINITY) {
      min = Number.NEGATIVE_INFINITY;
      for (const clock of this.partitions.values()) min = Math.max(min, this.of(clock));
    }
    if (min > this.frontier) this.frontier = min;
    return this.frontier;
  }
}
