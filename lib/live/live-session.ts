import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "../db/client";
import { env } from "../env";
import { createLogger } from "../log";
import { LIVE_PROTOCOL_VERSION } from "./events";
import { alarmRoom, companyRoom } from "./follow-rights";
import type { LiveHub, LiveSubscriber, StartFrom } from "./live-hub";
import type { LiveStreamInfo, LiveSubscribe, LiveTarget, StreamKey } from "./live-protocol";
import { resolveLiveTargets, stillAllowed } from "./resolve-live-targets";
import type { LiveSocket } from "./socket-handler";
import { DEFAULT_SENDER_LIMITS, type FrameSink, SocketSender } from "./socket-sender";

const log = createLogger("live");

/** Streams one socket may follow at once: a dashboard of 20 panels, each with a few datastreams, fits easily. */
export const MAX_STREAMS_PER_SOCKET = 500;

interface EngineConnection {
  // engine.io keeps packets it could not write yet here (not in its typings): the socket's backlog.
  writeBuffer?: unknown[];
  transport?: { writable?: boolean; once(event: "drain", listener: () => void): void };
}

/** A socket as the sender sees it: binary frames, and the engine's backlog and drain. */
export function sinkOf(socket: LiveSocket): FrameSink {
  const conn = socket.conn as unknown as EngineConnection;
  return {
    sendFrame: (bytes) => {
      socket.emit("live:frame", bytes);
    },
    sendMissed: (stream, records) => {
      socket.emit("live:missed", { v: LIVE_PROTOCOL_VERSION, stream, records, reason: "slow-connection" });
    },
    backlog: () => (conn.writeBuffer?.length ?? 0) + (conn.transport?.writable === false ? 1 : 0),
    onDrain: (callback) => {
      let called = false;
      const once = () => {
        if (called) return;
        called = true;
        callback();
      };
      conn.transport?.once("drain", once);
      // The transport can change (an upgrade) or close; never wait forever.
      setTimeout(once, 250).unref();
    },
  };
}

/**
 * What one socket follows: its subscriptions (targets, so a pattern grows with new datastreams) and its streams on
 * the process's live hub, each authorized for the socket's user.
 */
export class LiveSession {
  readonly subscriber: LiveSubscriber;
  private readonly targets = new Map<string, LiveTarget>();

  constructor(
    private readonly socket: LiveSocket,
    private readonly hub: LiveHub,
  ) {
    this.subscriber = {
      id: randomUUID(),
      sender: new SocketSender(sinkOf(socket), {
        ...DEFAULT_SENDER_LIMITS,
        maxQueuedFrames: env.RHEI_LIVE_MAX_QUEUED_FRAMES,
      }),
      status: (status) => {
        socket.emit("live:status", status);
      },
      missed: (stream, records, reason) => {
        socket.emit("live:missed", { v: LIVE_PROTOCOL_VERSION, stream, records, reason });
      },
    };
  }

  streams(): LiveStreamInfo[] {
    return this.hub.streamsOf(this.subscriber);
  }

  async subscribe(request: LiveSubscribe): Promise<LiveStreamInfo[]> {
    const streams = await resolveLiveTargets({ actor: this.socket.data.actor, target: request.target });
    if (this.streams().length + streams.length > MAX_STREAMS_PER_SOCKET) {
      throw new Error(`A connection follows at most ${MAX_STREAMS_PER_SOCKET} streams`);
    }
    if ("pattern" in request.target) this.targets.set(request.target.pattern, request.target);
    await Promise.all(
      streams.map(async (info) => {
        await this.socket.join(companyRoom(info.companyId));
        await this.hub.subscribe(this.subscriber, info, startFrom(request, info.key), request.width);
      }),
    );
    return streams;
  }

  unsubscribe(keys: readonly string[]): void {
    for (const key of keys) this.hub.unsubscribe(this.subscriber, key as StreamKey);
  }

  /** The rooms where the user's companies' alarms are told: every company where the user may read data. */
  async joinAlarmRooms(): Promise<void> {
    const actor = this.socket.data.actor;
    if (actor.type !== "user") return;
    const memberships = await db.membership.findMany({ where: { userId: actor.userId }, select: { companyId: true } });
    const wanted = new Set(memberships.map((m) => alarmRoom(m.companyId)));
    for (const room of this.socket.rooms)
      if (room.startsWith("alarms:") && !wanted.has(room)) await this.socket.leave(room);
    for (const room of wanted) await this.socket.join(room);
  }

  /** After a change of rights: drops every stream the user may no longer read, and says which. */
  async reauthorize(companyId: string | undefined): Promise<void> {
    await this.joinAlarmRooms();
    const revoked: StreamKey[] = [];
    for (const stream of this.streams()) {
      if (companyId !== undefined && stream.companyId !== companyId) continue;
      if (!(await stillAllowed(this.socket.data.actor, stream))) {
        this.hub.unsubscribe(this.subscriber, stream.key);
        revoked.push(stream.key);
      }
    }
    if (revoked.length > 0) this.socket.emit("live:revoked", { v: LIVE_PROTOCOL_VERSION, streams: revoked });
  }

  /** A datastream appeared in a company: patterns that now select more follow the new ones too. */
  async grow(companyId: string): Promise<void> {
    const have = new Set(this.streams().map((s) => s.key));
    for (const target of this.targets.values()) {
      try {
        const streams = await resolveLiveTargets({ actor: this.socket.data.actor, target });
        const added = streams.filter((s) => s.companyId === companyId && !have.has(s.key));
        for (const info of added) await this.hub.subscribe(this.subscriber, info, undefined);
        if (added.length > 0) this.socket.emit("live:streams", { v: LIVE_PROTOCOL_VERSION, added });
      } catch (error) {
        log.debug("a pattern could not grow", { error });
      }
    }
  }

  close(): void {
    this.hub.leave(this.subscriber);
  }
}

function startFrom(request: LiveSubscribe, key: StreamKey): StartFrom {
  const resume = request.resume?.[key];
  if (resume) return { resume: new Map(Object.entries(resume).map(([p, o]) => [Number(p), BigInt(o)])) };
  if (request.sinceMs !== undefined) return { sinceMs: request.sinceMs };
  return undefined;
}

/** Each connected socket's session (sockets come and go; the map lets them go). */
export const liveSessions = new WeakMap<LiveSocket, LiveSession>();

export function sessionOf(socket: LiveSocket): LiveSession {
  const session = liveSessions.get(socket);
  if (!session) throw new Error("this socket has no live session");
  return session;
}
