import "server-only";
import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import { createLogger } from "../log";
import { type ClientToServerEvents, LIVE_PROTOCOL_VERSION, type ServerToClientEvents, type SocketData } from "./events";
import { userFromCookieHeader } from "./socket-session";

const log = createLogger("socket");

export type LiveServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** Socket.IO on the console's HTTP server. Only signed-in users connect; each handler checks rights itself. */
export function attachSocketServer(httpServer: HttpServer, allowedOrigin: string): LiveServer {
  const io: LiveServer = new Server(httpServer, {
    path: "/socket.io",
    serveClient: false,
    // Per-message compression costs ~90 % of throughput for our small frames (measured, see the design).
    perMessageDeflate: false,
    // Leave upgrades on other paths (Next.js dev reload) to server.ts instead of closing them.
    destroyUpgrade: false,
    cors: { origin: allowedOrigin, credentials: true },
  });

  io.use(async (socket, next) => {
    try {
      const user = await userFromCookieHeader(socket.handshake.headers.cookie);
      if (!user) return next(new Error("unauthenticated"));
      socket.data.user = user;
      next();
    } catch (error) {
      log.warn("handshake failed", { error });
      next(new Error("unavailable"));
    }
  });

  io.on("connection", (socket) => {
    socket.emit("session:ready", {
      v: LIVE_PROTOCOL_VERSION,
      user: { id: socket.data.user.id, email: socket.data.user.email },
    });
    socket.on("ping", (ack) => {
      if (typeof ack === "function") ack({ v: LIVE_PROTOCOL_VERSION, at: new Date().toISOString() });
    });
  });
  return io;
}
