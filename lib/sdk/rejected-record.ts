/** Where a Kafka message came from. */
export interface MessageOrigin {
  topic: string;
  partition: number;
  offset: string;
}

/**
 * A message the SDK could not turn into a record (not JSON, no datastream, a result its type refuses, …). It is
 * never dropped silently: it reaches the `onRejected` hook, `stats.rejected`, and the console's rejection report.
 */
export interface RejectedRecord extends MessageOrigin {
  reason: string;
  /** The message as text, cut to RAW_LIMIT characters. */
  raw: string;
  /** The datastream the message named, when it named one. */
  claimedName?: string;
  /** When the SDK rejected it (ISO-8601 UTC). */
  rejectedAt: string;
}

export const RAW_LIMIT = 1000;

export function rejectRecord(
  reason: string,
  raw: Buffer | string | null,
  origin: MessageOrigin,
  claimedName?: string,
): RejectedRecord {
  const text = raw === null ? "" : typeof raw === "string" ? raw : raw.toString("utf8", 0, RAW_LIMIT * 4);
  return {
    reason,
    raw: text.length > RAW_LIMIT ? `${text.slice(0, RAW_LIMIT - 1)}…` : text,
    topic: origin.topic,
    partition: origin.partition,
    offset: origin.offset,
    ...(claimedName === undefined ? {} : { claimedName }),
    rejectedAt: new Date().toISOString(),
  };
}
