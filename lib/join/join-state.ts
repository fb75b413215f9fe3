import { canonicalOffset } from "./record-identity";
import type { JoinMode } from "./types";

/** A held record in a snapshot; its input is the index of the buffer it is in. */
export type BufferedRecordState<T> = {
  partition: string;
  offset: string;
  time: number;
  payload: T;
};

export type PartitionState = {
  name: string;
  input: number;
  /** null: −∞ (no record yet). */
  maxTime: number | null;
  /** null: −∞. */
  floor: number | null;
  idle: boolean;
  lastActivityMs: number | null;
  lastOffset: string | null;
};

/**
 * The join's whole state as plain JSON (when the payloads are): what the worker checkpoints in the same Kafka
 * transaction as the pairs it wrote. −∞ is written as null; a flushed join has `flushed: true`.
 */
export type JoinState<T> = {
  version: 1;
  inputs: string[];
  toleranceMs: number;
  allowedLatenessMs: number;
  mode: JoinMode;
  /** The emission frontier; null: −∞. */
  frontier: number | null;
  flushed: boolean;
  partitions: PartitionState[];
  /** Per input, its held records in (time, partition, offset) order. */
  buffers: BufferedRecordState<T>[][];
  pairsEmitted: number;
  latePerInput: number[];
  duplicatesPerInput: number[];
};

export const toJsonNumber = (value: number): number | null => (value === Number.NEGATIVE_INFINITY ? null : value);
export const fromJsonNumber = (value: number | null): number => (value === null ? Number.NEGATIVE_INFINITY : value);

type Semantics = { inputs: readonly string[]; toleranceMs: number; allowedLatenessMs: number; mode: JoinMode };

/**
 * Checks that a snapshot is one this join can continue: same version and the same semantics (inputs, tolerance,
 * lateness, mode: changing them mid-stream would change pairs already emitted), and a well-formed body.
 */
export function checkJoinState<T>(state: JoinState<T>, options: Semantics): void {
  const fail = (why: string): never => {
    throw new RangeError(`Cannot restore the join: ${why}`);
  };
  if (state === null || typeof state !== "object" || state.version !== 1) fail("unknown snapshot version");
  if (
    !Array.isArray(state.inputs) ||
    state.inputs.length !== options.inputs.length ||
    state.inputs.some((name, i) => name !== options.inputs[i])
  ) {
    fail(`the snapshot joins [${String(state.inputs)}], the options [${options.inputs.join(",")}]`);
  }
  if (state.toleranceMs !== options.toleranceMs) fail(`toleranceMs ${state.toleranceMs} ≠ ${options.toleranceMs}`);
  if (state.allowedLatenessMs !== options.allowedLatenessMs) {
    fail(`allowedLatenessMs ${state.allowedLatenessMs} ≠ ${options.allowedLatenessMs}`);
  }
  if (state.mode !== options.mode) fail(`mode ${state.mode} ≠ ${options.mode}`);
  const count = options.inputs.length;
  if (!Array.isArray(state.buffers) || state.buffers.length !== count) fail("one buffer per input expected");
  for (const list of [state.latePerInput, state.duplicatesPerInput]) {
    if (!Array.isArray(list) || list.length !== count) fail("one counter per input expected");
  }
  if (!Array.isArray(state.partitions)) fail("partitions missing");
  const names = new Set<string>();
  for (const p of state.partitions) {
    if (typeof p.name !== "string" || names.has(p.name)) fail(`partition ${String(p.name)} is invalid or repeated`);
    if (!Number.isInteger(p.input) || p.input < 0 || p.input >= count) fail(`partition ${p.name} has no input`);
    if (p.lastOffset !== null) canonicalOffset(p.lastOffset);
    names.add(p.name);
  }
  state.buffers.forEach((records, input) => {
    let previous = Number.NEGATIVE_INFINITY;
    for (const r of records) {
      if (!names.has(r.partition)) fail(`a held record of ${options.inputs[input]} has an unknown partition`);
      if (!Number.isFinite(r.time) || r.time < previous) fail(`held records of ${options.inputs[input]} out of order`);
      canonicalOffset(r.offset);
      previous = r.time;
    }
  });
}
