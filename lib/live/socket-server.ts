import "server-only";
import type { Server as HttpServer, IncomingMessage } from "node:http";
import { Server } from "socket.io";
import { userActor } from "../authz/actor";
import { ConsoleDatastreamCatalog } from "../datastreams/console-datastream-catalog";
import { db } from "../db/client";
import { EVENTS_RESUMED } from "../events/change-event";
import { subscribeEvents } from "../events/subscribe-events";
import { consoleKafkaConfig } from "../kafka/console-connection";
import { createLogger } from "../log";
import { RejectionOutbox } from "../rejected-records/rejection-outbox";
import { type ClientToServerEvents, LIVE_PROTOCOL_VERSION, type ServerToClientEvents, type SocketData } from "./events";
import { alarmRoom, companyRoom, followRights, userRoom } from "./follow-rights";
import { socketHandlers } from "./handlers";
import { LiveHub } from "./live-hub";
import { LiveSession, liveSessions } from "./live-session";
import { bindHandlers, RequestBudget } from "./socket-handler";
import { sessionFromCookieHeader } from "./socket-session";

const log = createLogger("socket");

export type LiveServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface LiveServerHandle {
  io: LiveServer;
  hub: LiveHub;
  close(): Promise<void>;
}

/**
 * A browser always sends Origin with a WebSocket handshake, and CORS does not cover WebSockets: without this check a
 * foreign page could open a socket that carries the user's cookie. Clients that send no Origin are not browsers and
 * cannot carry anyone's cookie but their own.
 */
function originAllowed(req: IncomingMessage, allowedOrigin: string): boolean {
  const origin = req.headers.origin;
  return origin === undefined || origin === allowedOrigin;
}

/**
 * Socket.IO on the console's HTTP server: only signed-in users connect, from the console's own origin; each
 * client-to-server event is one handler of lib/live/handlers; sockets follow their users' rights (follow-rights.ts).
 */
export function attachSocketServer(httpServer: HttpServer, allowedOrigin: string): LiveServerHandle {
  const catalog = new ConsoleDatastreamCatalog();
  const rejections = new RejectionOutbox("rhei:live");
  const hub = new LiveHub({
    kafka: consoleKafkaConfig({ clientId: "rhei-live" }),
    catalog,
    reportRejections: (system, list) => rejections.add(system, list),
  });
  const io: LiveServer = new Server(httpServer, {
    path: "/socket.io",
    serveClient: false,
    // Per-message compression costs ~90 % of throughput for our small frames (measured, see the design).
    perMessageDeflate: false,
    // Leave upgrades on other paths (Next.js dev reload) to server.ts instead of closing them.
    destroyUpgrade: false,
    cors: { origin: allowedOrigin, credentials: true },
    // Requests are subscriptions, never data: a large message is refused by the transport.
    maxHttpBufferSize: 64 * 1024,
    allowRequest: (req, callback) => {
      if (originAllowed(req, allowedOrigin)) callback(null, true);
      else callback("Cross-origin connection refused", false);
    },
  });
  io.use(async (socket, next) => {
    try {
      const session = await sessionFromCookieHeader(socket.handshake.headers.cookie);
      if (!session) return next(new Error("unauthenticated"));
      socket.data.user = session.user;
      socket.data.epoch = session.epoch;
      socket.data.expiresAt = session.expiresAt;
      socket.data.actor = userActor(session.user);
      next();
    } catch (error) {
      log.warn("handshake failed", { error });
      next(new Error("unavailable"));
    }
  });
  io.on("connection", (socket) => {
    void socket.join(userRoom(socket.data.user.id));
    const session = new LiveSession(socket, hub);
    liveSessions.set(socket, session);
    socket.on("disconnect", () => {
      session.close();
      liveSessions.delete(socket);
    });
    bindHandlers(socket, socketHandlers, new RequestBudget(20, 60));
    void session.joinAlarmRooms().catch((error: unknown) => log.warn("could not join alarm rooms", { error }));
    socket.emit("session:ready", {
      v: LIVE_PROTOCOL_VERSION,
      user: { id: socket.data.user.id, email: socket.data.user.email },
    });
  });
  const stopFollowing = followRights(io, async (socket, companyId) => {
    await liveSessions.get(socket)?.reauthorize(companyId);
  });
  // A new datastream in a company: patterns of that company's sockets may select it.
  const stopGrowing = subscribeEvents(["datastream.changed"], (event) => {
    if (event.type === EVENTS_RESUMED || event.change === "deleted") return;
    void io
      .in(companyRoom(event.companyId))
      .fetchSockets()
      .then((sockets) => {
        for (const remote of sockets) {
          const socket = io.sockets.sockets.get(remote.id);
          const session = socket && liveSessions.get(socket);
          void session?.grow(event.companyId);
        }
      });
  });
  // Alarms reach every socket of the company's members as they are raised, cleared and acknowledged.
  const stopAlarms = subscribeEvents(["alarm.changed"], (event) => {
    if (event.type === EVENTS_RESUMED) return;
    void db.alarm
      .findUnique({ where: { id: event.alarmId } })
      .then((a) => {
        if (!a) return;
        io.to(alarmRoom(a.companyId)).emit("alarm:changed", {
          v: LIVE_PROTOCOL_VERSION,
          change: event.change,
          alarm: {
            id: a.id,
            companyId: a.companyId,
            severity: a.severity,
            state: a.state,
            message: a.message,
            raisedAt: a.raisedAt.toISOString(),
            acknowledged: a.acknowledgedAt !== null,
            datastreamId: a.datastreamId,
          },
        });
      })
      .catch((error: unknown) => log.warn("could not tell an alarm", { error }));
  });
  return {
    io,
    hub,
    async close() {
      await stopAlarms();
      await stopFollowing();
      await stopGrowing();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await hub.close();
      await rejections.close();
      await catalog.close();
    },
  };
}
