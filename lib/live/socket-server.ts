import "server-only";
import type { Server as HttpServer, IncomingMessage } from "node:http";
import { Server } from "socket.io";
import { userActor } from "../authz/actor";
import { createLogger } from "../log";
import { type ClientToServerEvents, LIVE_PROTOCOL_VERSION, type ServerToClientEvents, type SocketData } from "./events";
import { followRights, type Reauthorize, userRoom } from "./follow-rights";
import { socketHandlers } from "./handlers";
import { bindHandlers, RequestBudget } from "./socket-handler";
import { sessionFromCookieHeader } from "./socket-session";

const log = createLogger("socket");

export type LiveServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface LiveServerHandle {
  io: LiveServer;
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
export function attachSocketServer(
  httpServer: HttpServer,
  allowedOrigin: string,
  options: { reauthorize?: Reauthorize } = {},
): LiveServerHandle {
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
    bindHandlers(socket, socketHandlers, new RequestBudget(20, 60));
    socket.emit("session:ready", {
      v: LIVE_PROTOCOL_VERSION,
      user: { id: socket.data.user.id, email: socket.data.user.email },
    });
  });
  const stopFollowing = followRights(io, options.reauthorize ?? (async () => undefined));
  return {
    io,
    async close() {
      await stopFollowing();
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}
