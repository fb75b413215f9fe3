// The live benchmark's baseline: a bare Socket.IO server with the console's transport options that emits frames of
// the same shape, size and rate as the live hub, to every subscribed socket, with no Kafka, no decoding, no outbox.
// Prints "ready <port>" like the socket console; GET /start?rate=&perFrame=&seconds= starts one run and answers
// when it has emitted everything.
import { createServer } from "node:http";
import { Server, type Socket } from "socket.io";

const subscribed = new Set<Socket>();

const httpServer = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (url.pathname !== "/start") {
    res.writeHead(404).end();
    return;
  }
  const rate = Number(url.searchParams.get("rate"));
  const perFrame = Math.max(1, Math.round(Number(url.searchParams.get("perFrame"))));
  const seconds = Number(url.searchParams.get("seconds"));
  void emitFor(rate, perFrame, seconds).then((emitted) => {
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ emitted }));
  });
});

const io = new Server(httpServer, { path: "/socket.io", serveClient: false, perMessageDeflate: false });
io.on("connection", (socket) => {
  socket.emit("session:ready", { v: 1, user: { id: "baseline", email: "baseline@example.test" } });
  socket.on("live:subscribe", (_payload: unknown, ack?: (answer: unknown) => void) => {
    subscribed.add(socket);
    ack?.({ ok: true, v: 1, data: { streams: [{ key: "ds:baseline" }] } });
  });
  socket.on("disconnect", () => subscribed.delete(socket));
});

/** Emits `rate` records a second for `seconds`, in frames of `perFrame` records, paced every 10 ms. */
async function emitFor(rate: number, perFrame: number, seconds: number): Promise<number> {
  const start = performance.now();
  let emitted = 0;
  let pending: { p: number; o: string; t: number; v: number }[] = [];
  const total = Math.round(rate * seconds);
  while (emitted + pending.length < total) {
    const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate));
    const now = Date.now();
    while (emitted + pending.length < due) {
      const i = emitted + pending.length;
      pending.push({ p: i % 2, o: String(i >> 1), t: now, v: i });
    }
    while (pending.length >= perFrame || (pending.length > 0 && emitted + pending.length >= total)) {
      const records = pending.slice(0, perFrame);
      pending = pending.slice(records.length);
      const bytes = Buffer.from(JSON.stringify({ stream: "ds:baseline", records }), "utf8");
      for (const socket of subscribed) socket.emit("live:frame", bytes);
      emitted += records.length;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return emitted;
}

httpServer.listen(0, "127.0.0.1", () => {
  const address = httpServer.address();
  process.stdout.write(`ready ${typeof address === "object" && address ? address.port : 0}\n`);
});
process.on("SIGTERM", () => {
  void io.close();
  httpServer.close();
  process.exit(0);
});
