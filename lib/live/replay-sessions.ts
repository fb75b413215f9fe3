import "server-only";
import { invalid, notFound } from "../errors";
import { parseTimePoint, parseTimeRange } from "../history/time-range";
import { sinkOf } from "./live-session";
import {
  MAX_REPLAYS_PER_SOCKET,
  type ReplayControl,
  type ReplayFrame,
  type ReplayStart,
  type ReplayStarted,
  type ReplayStatus,
} from "./replay-protocol";
import { ReplaySession } from "./replay-session";
import { resolveReplayDatastreams } from "./resolve-replay-datastreams";
import type { LiveSocket } from "./socket-handler";

// The replay events a socket gets, added to the live contract's typed events (lib/live/events.ts).
declare module "./events" {
  interface ServerToClientEvents {
    /** A frame of a replay (a ReplayFrame as UTF-8 JSON), binary like live frames. */
    "replay:frame": (frame: Buffer) => void;
    "replay:status": (status: ReplayStatus) => void;
  }
}

export type { ReplayFrame };

const bySocket = new WeakMap<LiveSocket, Map<string, ReplaySession>>();

function sessionsOf(socket: LiveSocket): Map<string, ReplaySession> {
  let map = bySocket.get(socket);
  if (!map) {
    const created = new Map<string, ReplaySession>();
    bySocket.set(socket, created);
    // The browser left: its replays stop reading at once (and their audit events say so).
    socket.on("disconnect", () => {
      for (const s of created.values()) s.stop();
    });
    map = created;
  }
  return map;
}

/**
 * replay:start (`data.read` on every datastream, as live data: another company's or an unknown one is "not found"):
 * plays the range on this socket. At most MAX_REPLAYS_PER_SOCKET at once per connection.
 */
export async function startReplay({
  socket,
  request,
  now = Date.now(),
}: {
  socket: LiveSocket;
  request: Required<Pick<ReplayStart, "datastreamIds" | "from" | "to">> & Pick<ReplayStart, "speed">;
  now?: number;
}): Promise<ReplayStarted> {
  const actor = socket.data.actor;
  const range = parseTimeRange({ from: request.from, to: request.to }, now);
  const sessions = sessionsOf(socket);
  if (sessions.size >= MAX_REPLAYS_PER_SOCKET) {
    throw invalid(`A connection plays at most ${MAX_REPLAYS_PER_SOCKET} replays at once: stop one first`);
  }
  const { datastreams, streams, companies } = await resolveReplayDatastreams({
    actor,
    datastreamIds: request.datastreamIds,
  });
  const session: ReplaySession = new ReplaySession(
    actor,
    datastreams,
    companies,
    range,
    request.speed ?? "10",
    {
      sink: sinkOf(socket),
      frame: (bytes) => socket.emit("replay:frame", bytes),
      status: (status) => socket.emit("replay:status", status),
    },
    () => sessions.delete(session.id),
  );
  sessions.set(session.id, session);
  await session.start();
  return {
    replayId: session.id,
    from: new Date(range.from).toISOString(),
    to: new Date(range.to).toISOString(),
    streams,
  };
}

/** replay:control: pause, resume, seek, change speed or stop one of this socket's replays. */
export function controlReplay({
  socket,
  control,
  now = Date.now(),
}: {
  socket: LiveSocket;
  control: ReplayControl;
  now?: number;
}): { replayId: string } {
  const session = bySocket.get(socket)?.get(control.replayId);
  if (!session) throw notFound("Replay");
  switch (control.action) {
    case "pause":
      session.pause();
      break;
    case "resume":
      session.resume();
      break;
    case "stop":
      session.stop();
      break;
    case "speed":
      session.setSpeed(control.speed);
      break;
    case "seek": {
      const at = parseTimePoint("at", control.at, now);
      if (!at.ok) throw invalid(at.message, { at: [at.message] });
      session.seek(at.t);
      break;
    }
  }
  return { replayId: control.replayId };
}
