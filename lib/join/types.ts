// The time-series interval join's public types. The semantics are written down in docs/time-series-join.md.

/** What the worker feeds in: one record of one input, read from one Kafka topic-partition. */
export type JoinRecord<T> = {
  /** Index of the input in `options.inputs`. */
  input: number;
  /** The topic-partition the record came from, e.g. `"Car1.int#0"`; (partition, offset) is the record's identity. */
  partition: string;
  /** The record's offset in its partition. */
  offset: bigint | string;
  /** Phenomenon time, epoch milliseconds (any finite number). */
  time: number;
  payload: T;
};

/**
 * A record as the join holds and emits it: the offset is a canonical decimal string (JSON-safe, bigint-free). Pairs
 * share these objects with the join's buffers: read them, do not change them.
 */
export type JoinedRecord<T> = {
  readonly input: number;
  readonly partition: string;
  readonly offset: string;
  readonly time: number;
  readonly payload: T;
};

/** One joined pair. `left` belongs to the lower input index. */
export type JoinPair<T> = {
  left: JoinedRecord<T>;
  right: JoinedRecord<T>;
  leftInput: number;
  rightInput: number;
  /** max(left.time, right.time): the pair's time and the first component of the canonical order. */
  time: number;
  /** Stable identity of the pair, `leftPartition@leftOffset+rightPartition@rightOffset` (e.g. a Kafka message key). */
  key: string;
};

/** A record that arrived below its partition's watermark: not joined, reported so the worker can log it. */
export type LateRecord<T> = {
  input: number;
  inputName: string;
  partition: string;
  offset: string;
  time: number;
  /** The partition's watermark when the record arrived (the record's time was below it). */
  watermark: number;
  payload: T;
};

/** A record whose offset is not above the last offset seen on its partition (a replay): ignored, reported. */
export type DuplicateRecord = {
  input: number;
  inputName: string;
  partition: string;
  offset: string;
  time: number;
};

/** What each call that feeds or advances the join returns. Pairs come in the canonical order. */
export type JoinStep<T> = {
  pairs: JoinPair<T>[];
  late: LateRecord<T>[];
  duplicates: DuplicateRecord[];
};

export type JoinMode = "neighbours" | "all";

export type JoinOptions<T> = {
  /** Two or more input names (aliases), e.g. `["car1", "car2"]`; a record's `input` indexes this list. */
  inputs: readonly string[];
  /** Two records may pair when |t1 − t2| ≤ toleranceMs (both bounds inclusive). */
  toleranceMs: number;
  /** A record older than its partition's maxTimeSeen − allowedLatenessMs is late. Default 0. */
  allowedLatenessMs?: number;
  /** "neighbours" (default): the preceding and succeeding record only; "all": every record within tolerance. */
  mode?: JoinMode;
  /**
   * Processing time after which a silent partition may be declared idle by `advanceIdle`. Default: never by timeout
   * (only `markIdle` makes a partition idle).
   */
  idleTimeoutMs?: number;
  /** Bytes a payload takes, for `stats.stateBytes`. Default: 0 (only the record's own overhead is counted). */
  payloadBytes?: (payload: T) => number;
};

export type JoinStats = {
  /** Records held in the buffers, all inputs. */
  buffered: number;
  bufferedPerInput: number[];
  /** Estimated bytes of the held records (overhead + partition and offset strings + `payloadBytes`). */
  stateBytes: number;
  pairsEmitted: number;
  latePerInput: number[];
  duplicatesPerInput: number[];
  /** Each input's watermark (min over its non-idle partitions); null while it is −∞, i.e. not yet known. */
  watermarkPerInput: (number | null)[];
  /** The emission frontier (greatest joined watermark): every pair with time below it has been emitted. null: −∞. */
  watermark: number | null;
  /** Partitions currently idle. */
  idlePartitions: string[];
};
