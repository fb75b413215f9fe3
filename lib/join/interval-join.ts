import { emitFinalPairs } from "./final-pairs";
import { type ResolvedJoinOptions, resolveJoinOptions } from "./join-options";
import { checkJoinState, fromJsonNumber, type JoinState, toJsonNumber } from "./join-state";
import { pruneBuffers } from "./prune-buffers";
import { canonicalOffset, compareOffsets } from "./record-identity";
import { TimeBuffer } from "./time-buffer";
import type {
  DuplicateRecord,
  JoinedRecord,
  JoinOptions,
  JoinPair,
  JoinRecord,
  JoinStats,
  JoinStep,
  LateRecord,
} from "./types";
import { type PartitionClock, Watermarks } from "./watermarks";

type Step<T> = { pairs: JoinPair<T>[]; late: LateRecord<T>[]; duplicates: DuplicateRecord[] };
const newStep = <T>(): Step<T> => ({ pairs: [], late: [], duplicates: [] });

/**
 * Deterministic interval join of two or more time-series inputs (docs/time-series-join.md). Pure and synchronous:
 * the caller feeds records and processing time, writes the pairs it gets back and checkpoints `snapshot()`.
 */
export class IntervalJoin<T> {
  private readonly options: ResolvedJoinOptions<T>;
  private readonly buffers: TimeBuffer<T>[];
  private readonly clocks: Watermarks;
  private pairsEmitted = 0;
  private readonly late: number[];
  private readonly duplicates: number[];
  private flushed = false;

  constructor(options: JoinOptions<T>) {
    this.options = resolveJoinOptions(options);
    const count = this.options.inputs.length;
    this.buffers = Array.from({ length: count }, () => new TimeBuffer<T>(this.options.sizeOf));
    this.clocks = new Watermarks(count, this.options.allowedLatenessMs);
    this.late = new Array<number>(count).fill(0);
    this.duplicates = new Array<number>(count).fill(0);
  }

  get inputs(): readonly string[] {
    return this.options.inputs;
  }

  /** Declares an input's partitions (additive). Until a declared partition has a record or is idle, it holds the join. */
  assignPartitions(input: number, partitions: readonly string[]): void {
    this.checkInput(input);
    this.clocks.assign(input, partitions, this.options.inputs);
  }

  /** Feeds one record; `nowMs` (processing time) restarts the partition's idle clock. */
  push(record: JoinRecord<T>, nowMs?: number): JoinStep<T> {
    const step = newStep<T>();
    this.feed(record, nowMs, step);
    return step;
  }

  /** Feeds records in order (e.g. one Kafka fetch); the same result as pushing them one by one, concatenated. */
  pushAll(records: Iterable<JoinRecord<T>>, nowMs?: number): JoinStep<T> {
    const step = newStep<T>();
    for (const record of records) this.feed(record, nowMs, step);
    return step;
  }

  /**
   * Declares idle every partition silent for ≥ idleTimeoutMs of processing time; with `caughtUp`, only those of
   * its partitions (the worker knows they reached their end offsets). Idle partitions stop holding the watermark.
   */
  advanceIdle(nowMs: number, caughtUp?: Iterable<string>): JoinStep<T> {
    const only = caughtUp === undefined ? undefined : new Set(caughtUp);
    const timeout = this.options.idleTimeoutMs;
    for (const clock of this.clocks.partitions.values()) {
      if (clock.idle) continue;
      if (clock.lastActivityMs === null) clock.lastActivityMs = nowMs;
      if ((only === undefined || only.has(clock.name)) && nowMs - clock.lastActivityMs >= timeout) {
        this.clocks.setIdle(clock, true);
      }
    }
    return this.emit(newStep<T>());
  }

  /** Declares one partition idle now (e.g. it reached its end offset and the worker will not wait). */
  markIdle(partition: string): JoinStep<T> {
    this.clocks.setIdle(this.clockOf(partition), true);
    return this.emit(newStep<T>());
  }

  /** For a bounded input: emits every remaining pair and closes the join (further records are refused). */
  flushAll(): JoinStep<T> {
    const step = newStep<T>();
    if (this.flushed) return step;
    this.clocks.frontier = Number.POSITIVE_INFINITY;
    this.pairsEmitted += emitFinalPairs(
      this.buffers,
      this.clocks.frontier,
      this.options.mode,
      this.options.toleranceMs,
      step.pairs,
    );
    for (const buffer of this.buffers) buffer.prune(Number.POSITIVE_INFINITY);
    this.flushed = true;
    return step;
  }

  get stats(): JoinStats {
    const count = this.options.inputs.length;
    const bufferedPerInput = this.buffers.map((b) => b.size);
    const watermarkPerInput = Array.from({ length: count }, (_, i) => toJsonNumber(this.clocks.ofInput(i)));
    return {
      buffered: bufferedPerInput.reduce((a, b) => a + b, 0),
      bufferedPerInput,
      stateBytes: this.buffers.reduce((sum, b) => sum + b.bytes, 0),
      pairsEmitted: this.pairsEmitted,
      latePerInput: [...this.late],
      duplicatesPerInput: [...this.duplicates],
      watermarkPerInput,
      watermark: toJsonNumber(this.clocks.frontier),
      idlePartitions: [...this.clocks.partitions.values()].filter((c) => c.idle).map((c) => c.name),
    };
  }

  /** The whole state as plain data (payloads are shared, not copied). */
  snapshot(): JoinState<T> {
    const { inputs, toleranceMs, allowedLatenessMs, mode } = this.options;
    return {
      version: 1,
      inputs: [...inputs],
      toleranceMs,
      allowedLatenessMs,
      mode,
      frontier: this.flushed ? null : toJsonNumber(this.clocks.frontier),
      flushed: this.flushed,
      partitions: [...this.clocks.partitions.values()].map((c) => ({
        name: c.name,
        input: c.input,
        maxTime: toJsonNumber(c.maxTime),
        floor: toJsonNumber(c.floor),
        idle: c.idle,
        lastActivityMs: c.lastActivityMs,
        lastOffset: c.lastOffset,
      })),
      buffers: this.buffers.map((b) =>
        b.toArray().map((r) => ({ partition: r.partition, offset: r.offset, time: r.time, payload: r.payload })),
      ),
      pairsEmitted: this.pairsEmitted,
      latePerInput: [...this.late],
      duplicatesPerInput: [...this.duplicates],
    };
  }

  /** A join that continues exactly where the snapshot was taken (same inputs, tolerance, lateness and mode). */
  static restore<T>(state: JoinState<T>, options: JoinOptions<T>): IntervalJoin<T> {
    const join = new IntervalJoin<T>(options);
    checkJoinState(state, join.options);
    const clocks = join.clocks;
    for (const p of state.partitions) {
      clocks.add({
        name: p.name,
        input: p.input,
        maxTime: fromJsonNumber(p.maxTime),
        floor: fromJsonNumber(p.floor),
        idle: p.idle,
        lastActivityMs: p.lastActivityMs,
        lastOffset: p.lastOffset === null ? null : canonicalOffset(p.lastOffset),
      });
    }
    for (let i = 0; i < join.options.inputs.length; i++) clocks.recompute(i);
    join.flushed = state.flushed;
    clocks.frontier = state.flushed ? Number.POSITIVE_INFINITY : fromJsonNumber(state.frontier);
    state.buffers.forEach((records, input) => {
      const held: JoinedRecord<T>[] = records.map((r) => ({
        input,
        partition: r.partition,
        offset: canonicalOffset(r.offset),
        time: r.time,
        payload: r.payload,
      }));
      (join.buffers[input] as TimeBuffer<T>).load(held, clocks.frontier);
    });
    join.pairsEmitted = state.pairsEmitted;
    state.latePerInput.forEach((n, i) => {
      join.late[i] = n;
    });
    state.duplicatesPerInput.forEach((n, i) => {
      join.duplicates[i] = n;
    });
    return join;
  }

  private feed(record: JoinRecord<T>, nowMs: number | undefined, step: Step<T>): void {
    if (this.flushed) throw new Error("The join was flushed; it takes no more records");
    const { input, time } = record;
    this.checkInput(input);
    const clock = this.clockOf(record.partition);
    const names = this.options.inputs;
    if (clock.input !== input) {
      throw new RangeError(`Partition ${clock.name} belongs to input ${names[clock.input]}, not ${names[input]}`);
    }
    if (typeof time !== "number" || !Number.isFinite(time)) {
      throw new RangeError(`Record ${clock.name}@${String(record.offset)} has no finite time (got ${String(time)})`);
    }
    const offset = canonicalOffset(record.offset);
    if (clock.lastOffset !== null && compareOffsets(offset, clock.lastOffset) <= 0) {
      this.duplicates[input] = (this.duplicates[input] as number) + 1;
      step.duplicates.push({ input, inputName: names[input] as string, partition: clock.name, offset, time });
      return;
    }
    clock.lastOffset = offset;
    clock.lastActivityMs = nowMs ?? null;
    if (clock.idle) this.clocks.setIdle(clock, false);
    const watermark = this.clocks.of(clock);
    if (time < watermark) {
      this.late[input] = (this.late[input] as number) + 1;
      const inputName = names[input] as string;
      step.late.push({ input, inputName, partition: clock.name, offset, time, watermark, payload: record.payload });
      return;
    }
    (this.buffers[input] as TimeBuffer<T>).insert({
      input,
      partition: clock.name,
      offset,
      time,
      payload: record.payload,
    });
    this.clocks.observe(clock, time);
    this.emit(step);
  }

  private emit(step: Step<T>): Step<T> {
    const before = this.clocks.frontier;
    const frontier = this.clocks.advance();
    if (frontier === before) return step;
    const { mode, toleranceMs } = this.options;
    this.pairsEmitted += emitFinalPairs(this.buffers, frontier, mode, toleranceMs, step.pairs);
    pruneBuffers(this.buffers, frontier, mode, toleranceMs);
    return step;
  }

  private checkInput(input: number): void {
    if (!Number.isInteger(input) || input < 0 || input >= this.options.inputs.length) {
      throw new RangeError(`No input ${input}; the join has inputs 0..${this.options.inputs.length - 1}`);
    }
  }

  private clockOf(partition: string): PartitionClock {
    const clock = this.clocks.partitions.get(partition);
    if (clock === undefined) throw new RangeError(`Partition ${partition} was not assigned to any input`);
    return clock;
  }
}
