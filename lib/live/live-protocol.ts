import { z } from "zod";

// The live data contract between the console and browsers, shared by both (pure). A *stream* is what one chart line
// or tile follows: a datastream's records in its own system's `.int` (`ds:<datastreamId>`), or everything delivered
// into a system's `.ext` by stream apps (`ext:<systemId>`).

export type StreamKey = `ds:${string}` | `ext:${string}`;

/** Where a browser's copy of a stream ends: per partition, the next offset it needs. */
export const resumePositionsSchema = z.record(
  z.string().regex(/^\d{1,4}$/, "a partition number"),
  z.string().regex(/^\d{1,20}$/, "an offset"),
);

export const liveTargetSchema = z.union([
  z.object({ datastreamId: z.uuid("a datastream id") }).strict(),
  z
    .object({
      pattern: z
        .string()
        .trim()
        .min(1)
        .max(500)
        .describe("A datastream name pattern with * levels (a Unified-Namespace view), e.g. cz.icecars.*.*.*.*"),
    })
    .strict(),
  z.object({ incomingOf: z.uuid("a system id") }).strict(),
]);
export type LiveTarget = z.infer<typeof liveTargetSchema>;

export const liveSubscribeSchema = z
  .object({
    target: liveTargetSchema,
    /**
     * What the browser already holds: per stream, the positions to resume from (a reconnect or reload fills the gap
     * from Kafka), or a time to start from (the older part of a chart's window). Neither: from now on.
     */
    resume: z.record(z.string().max(60), resumePositionsSchema).optional(),
    sinceMs: z.number().int().min(0).max(9_999_999_999_999).optional(),
    /** The widest chart the stream feeds, in pixels: a long window is downsampled for it (M4). */
    width: z.number().int().min(50).max(8000).optional(),
  })
  .strict();
export type LiveSubscribe = z.infer<typeof liveSubscribeSchema>;

export const liveUnsubscribeSchema = z.object({ streams: z.array(z.string().max(60)).min(1).max(500) }).strict();

/** What a stream is, as the subscription's answer and `live:streams` tell it. */
export interface LiveStreamInfo {
  key: StreamKey;
  companyId: string;
  systemId: string;
  /** The datastream's full name; for an incoming stream, the system's name. */
  name: string;
  label: string;
  observationType?: "Measurement" | "Count" | "Truth" | "Category" | "Observation";
  unit?: { name: string; symbol: string };
}

/** One record as a browser gets it: small keys, since thousands a second go to each socket. */
export interface LiveRecord {
  /** Partition and offset: the record's identity, and where to resume. */
  p: number;
  o: string;
  /** Phenomenon time, epoch ms. */
  t: number;
  /** The result, typed. */
  v: unknown;
  /** The datastream's full name (incoming streams only: they mix datastreams). */
  n?: string;
  a?: Record<string, unknown>;
}

/** A frame: records of one stream, in offset order per partition. Sent as UTF-8 JSON in a binary message. */
export interface LiveFrame {
  stream: StreamKey;
  records: LiveRecord[];
  /** Part of filling a gap or a window from Kafka, not new. */
  backfill?: boolean;
  /** The backfill of a long window was downsampled to the chart's width (M4): records are a subset. */
  downsampled?: boolean;
}

export type LiveState = "live" | "catching-up" | "reconnecting" | "kafka-unavailable";

export interface LiveStatus {
  v: number;
  stream: StreamKey;
  state: LiveState;
  /** When the newest record of the stream that this process saw was produced (phenomenon time), if any. */
  lastRecordAt?: number;
  detail?: string;
}

/** Records this socket did not get: dropped because it fell behind, or a gap too long to fill. */
export interface LiveMissed {
  v: number;
  stream: StreamKey;
  records: number;
  reason: "slow-connection" | "gap-too-long";
}

export function isStreamKey(value: string): value is StreamKey {
  return /^(ds|ext):[0-9a-f-]{36}$/.test(value);
}
