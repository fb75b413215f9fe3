import { z } from "zod";
import type { LiveRecord, LiveStreamInfo, StreamKey } from "./live-protocol";

// Replay over Socket.IO, shared by the console and browsers (pure): a range of several datastreams played in
// phenomenon-time order at 1×, 10×, 100× or as fast as the connection takes it, paused, resumed, sought.

export const REPLAY_SPEEDS = ["1", "10", "100", "max"] as const;
export type ReplaySpeed = (typeof REPLAY_SPEEDS)[number];
/** Replays one connection runs at once. */
export const MAX_REPLAYS_PER_SOCKET = 3;
/** Datastreams one replay plays at most. */
export const MAX_REPLAY_DATASTREAMS = 20;

const time = z.string().max(64, "at most 64 characters");
const replayId = z.uuid("a replay id");

export const replayStartSchema = z
  .object({
    datastreamIds: z
      .array(z.uuid("a datastream id"))
      .min(1, "at least one datastream")
      .max(MAX_REPLAY_DATASTREAMS, `at most ${MAX_REPLAY_DATASTREAMS} datastreams`),
    from: time,
    to: time,
    speed: z.enum(REPLAY_SPEEDS, "speed must be 1, 10, 100 or max").default("10"),
  })
  .strict();
export type ReplayStart = z.input<typeof replayStartSchema>;

export const replayControlSchema = z.discriminatedUnion("action", [
  z.object({ replayId, action: z.literal("pause") }).strict(),
  z.object({ replayId, action: z.literal("resume") }).strict(),
  z.object({ replayId, action: z.literal("stop") }).strict(),
  z.object({ replayId, action: z.literal("seek"), at: time }).strict(),
  z
    .object({ replayId, action: z.literal("speed"), speed: z.enum(REPLAY_SPEEDS, "speed must be 1, 10, 100 or max") })
    .strict(),
]);
export type ReplayControl = z.input<typeof replayControlSchema>;

/** The answer to replay:start: what plays, over which range (resolved), as which streams. */
export interface ReplayStarted {
  replayId: string;
  from: string;
  to: string;
  streams: LiveStreamInfo[];
}

/** A frame of a replay: records of one stream (a datastream), in trace order. UTF-8 JSON in a binary message. */
export interface ReplayFrame {
  replayId: string;
  stream: StreamKey;
  records: LiveRecord[];
}

export type ReplayState = "playing" | "paused" | "ended" | "stopped" | "failed";

export interface ReplayStatus {
  v: number;
  replayId: string;
  state: ReplayState;
  /** Where the replay stands in phenomenon time (epoch ms). */
  position: number;
  speed: ReplaySpeed;
  /** Records sent so far. */
  records: number;
  /** The replay jumped (a seek): the browser drops what it holds of it. */
  sought?: boolean;
  detail?: string;
}
