import type { JoinedRecord, JoinMode, JoinOptions } from "./types";

/** Per-record overhead counted by `stats.stateBytes`: the record object, its buffer slot and the two numbers. */
export const RECORD_OVERHEAD_BYTES = 96;

export type ResolvedJoinOptions<T> = {
  inputs: readonly string[];
  toleranceMs: number;
  allowedLatenessMs: number;
  mode: JoinMode;
  idleTimeoutMs: number;
  sizeOf: (record: JoinedRecord<T>) => number;
};

/** Checks the options and fills in the defaults; throws a RangeError naming the bad option. */
export function resolveJoinOptions<T>(options: JoinOptions<T>): ResolvedJoinOptions<T> {
  const { inputs, toleranceMs } = options;
  if (!Array.isArray(inputs) || inputs.length < 2) {
    throw new RangeError("A join needs two or more inputs");
  }
  const seen = new Set<string>();
  for (const name of inputs) {
    if (typeof name !== "string" || name === "") throw new RangeError("Every input needs a non-empty name");
    if (seen.has(name)) throw new RangeError(`Input ${name} is named twice`);
    seen.add(name);
  }
  const allowedLatenessMs = options.allowedLatenessMs ?? 0;
  const idleTimeoutMs = options.idleTimeoutMs ?? Number.POSITIVE_INFINITY;
  const mode = options.mode ?? "neighbours";
  if (!Number.isFinite(toleranceMs) || toleranceMs < 0) {
    throw new RangeError(`toleranceMs must be a finite number ≥ 0 (got ${toleranceMs})`);
  }
  if (!Number.isFinite(allowedLatenessMs) || allowedLatenessMs < 0) {
    throw new RangeError(`allowedLatenessMs must be a finite number ≥ 0 (got ${allowedLatenessMs})`);
  }
  if (Number.isNaN(idleTimeoutMs) || idleTimeoutMs < 0) {
    throw new RangeError(`idleTimeoutMs must be ≥ 0 (got ${idleTimeoutMs})`);
  }
  if (mode !== "neighbours" && mode !== "all") {
    throw new RangeError(`mode must be "neighbours" or "all" (got ${String(mode)})`);
  }
  const payloadBytes = options.payloadBytes;
  const sizeOf = (record: JoinedRecord<T>) =>
    RECORD_OVERHEAD_BYTES +
    2 * (record.partition.length + record.offset.length) +
    (payloadBytes === undefined ? 0 : payloadBytes(record.payload));
  return { inputs: [...inputs], toleranceMs, allowedLatenessMs, mode, idleTimeoutMs, sizeOf };
}
