// The Socket.IO contract between the console and browsers. Payloads carry a version so that a browser tab left
// open across a deploy can tell it needs a reload.
import type { Actor } from "../authz/actor";
import type { LiveMissed, LiveStatus, LiveStreamInfo, StreamKey } from "./live-protocol";

export const LIVE_PROTOCOL_VERSION = 1;

/** A handler's answer through the acknowledgement: its result, or what was wrong. */
export type SocketAnswer<T> = { ok: true; v: number; data: T } | { ok: false; v: number; error: SocketErrorBody };

export interface SocketErrorBody {
  /** validation | not_found | forbidden | rate_limited | unavailable | internal */
  code: string;
  message: string;
  /** The event that failed. */
  event: string;
}

export interface ServerToClientEvents {
  "session:ready": (payload: { v: number; user: { id: string; email: string } }) => void;
  /** Sent just before the server disconnects the socket: the session was voided or the user is gone. */
  "session:ended": (payload: { v: number; reason: string }) => void;
  /** The user's rights in a company changed; subscriptions it no longer allows have been dropped. */
  "rights:changed": (payload: { v: number; companyId: string }) => void;
  /** A frame of records (a LiveFrame as UTF-8 JSON): binary, so it is encoded once for every socket. */
  "live:frame": (frame: Buffer) => void;
  "live:status": (status: LiveStatus) => void;
  "live:missed": (missed: LiveMissed) => void;
  /** Streams the user may no longer read (rights changed): they are no longer followed. */
  "live:revoked": (payload: { v: number; streams: StreamKey[] }) => void;
  /** Streams a pattern subscription now also follows (a datastream appeared). */
  "live:streams": (payload: { v: number; added: LiveStreamInfo[] }) => void;
  /** An alarm of one of the user's companies was raised, cleared or acknowledged. */
  "alarm:changed": (payload: { v: number; alarm: AlarmNotice; change: "created" | "updated" | "deleted" }) => void;
  /** A request sent without an acknowledgement callback failed (with one, the answer carries the error). */
  "socket:error": (payload: { v: number; error: SocketErrorBody }) => void;
}

// Every client-to-server event takes one payload and an acknowledgement; lib/live/handlers defines them.
export type ClientToServerEvents = Record<
  string,
  (payload: unknown, ack?: (answer: SocketAnswer<unknown>) => void) => void
>;

export interface AlarmNotice {
  id: string;
  companyId: string;
  severity: "critical" | "major" | "minor" | "warning";
  state: "open" | "cleared";
  message: string;
  raisedAt: string;
  acknowledged: boolean;
  datastreamId: string;
}

export interface SocketData {
  user: { id: string; email: string; name: string };
  /** The session epoch the socket's cookie was signed in: a later epoch voids it. */
  epoch: number;
  /** When the session token expires (epoch ms); the socket is closed then. */
  expiresAt: number | undefined;
  actor: Actor;
}
