import type { DatastreamInfo } from "./datastream-info";
import { SdkError } from "./errors";
import { coerceResult } from "./observation-types";
import { parseTime, type TimeInput } from "./parse-time";
import { attributesProblem, encodeRecord } from "./record-format";

export interface ProduceOptions {
  /** When the result was observed: ISO-8601 or epoch s/ms/µs/ns (see parse-time.ts). Default: now. */
  phenomenonTime?: TimeInput;
  /** Extra facts about the observation; any JSON values, 0, false and "" included. */
  attributes?: Record<string, unknown>;
}

/**
 * How much younger than its system's retention a phenomenon time must be: a record waits in the producer's buffer
 * and retries before the broker checks its timestamp against the same bound (message.timestamp.before.max.ms).
 */
export const RETENTION_MARGIN_MS = 5 * 60_000;

/** Kafka's default max.message.bytes, less room for the key and headers. */
export const MAX_RECORD_BYTES = 1_000_000;

/**
 * The canonical record text of one observation of `info`: the result coerced to its type, times canonical
 * (resultTime = `now`), attributes checked; an SdkError naming the datastream and what is wrong otherwise.
 */
export function observationRecord(
  info: DatastreamInfo,
  result: unknown,
  options: ProduceOptions = {},
  now: Date = new Date(),
): string {
  return observationMessage(info, result, options, now).value;
}

/**
 * The record text and the Kafka message timestamp it goes out with: its phenomenon time in whole milliseconds
 * (truncated), so that the broker's time index finds a phenomenon-time range (docs/history.md, "Range semantics").
 */
export function observationMessage(
  info: DatastreamInfo,
  result: unknown,
  options: ProduceOptions = {},
  now: Date = new Date(),
): { value: string; timestampMs: number | undefined } {
  const value = coerceResult(info.fullName, info, result);
  const resultTime = parseTime(now);
  const phenomenonTime = options.phenomenonTime === undefined ? resultTime : parseTime(options.phenomenonTime);
  if (options.attributes !== undefined) {
    const problem = attributesProblem(options.attributes);
    if (problem) throw new SdkError("invalid-value", `Datastream "${info.fullName}": ${problem}`);
  }
  const text = encodeRecord({
    name: info.fullName,
    phenomenonTime,
    resultTime,
    result: value,
    attributes: options.attributes,
  });
  // Characters are at most 4 bytes: only long texts need counting.
  if (text.length > MAX_RECORD_BYTES / 4 && Buffer.byteLength(text) > MAX_RECORD_BYTES) {
    throw new SdkError(
      "invalid-value",
      `Datastream "${info.fullName}": a record of ${Buffer.byteLength(text)} bytes is over ${MAX_RECORD_BYTES}`,
    );
  }
  const timestampMs = Date.parse(phenomenonTime);
  if (info.retentionMs !== undefined && timestampMs < now.getTime() - info.retentionMs + RETENTION_MARGIN_MS) {
    throw new SdkError(
      "invalid-time",
      `Datastream "${info.fullName}": phenomenon time ${phenomenonTime} is older than its system keeps records ` +
        `(${Number((info.retentionMs / 86_400_000).toFixed(2))} days): Kafka would refuse it, or delete it at once`,
    );
  }
  // Kafka refuses negative timestamps: a phenomenon time before 1970 goes out with the producer's clock.
  return { value: text, timestampMs: timestampMs >= 0 ? timestampMs : undefined };
}
