// A console process without Next.js: the HTTP server, Socket.IO and the change-event listener of server.ts, for
// integration tests that need several console processes. Prints "ready <port>" once it listens for connections
// and for change events.
import { createServer } from "node:http";
import { env } from "@/lib/env";
import { eventsListening } from "@/lib/events/subscribe-events";
import { attachSocketServer } from "@/lib/live/socket-server";

const httpServer = createServer((_req, res) => {
  res.writeHead(404).end();
});
const live = attachSocketServer(httpServer, new URL(env.NEXTAUTH_URL).origin);
await eventsListening();
httpServer.listen(0, "127.0.0.1", () => {
  const address = httpServer.address();
  process.stdout.write(`ready ${typeof address === "object" && address ? address.port : 0}\n`);
});
const stop = async () => {
  await live.close();
  httpServer.close();
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
