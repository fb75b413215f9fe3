// The console's one Node process: Next.js pages and API, and Socket.IO, on one port.
import { createServer } from "node:http";
import next from "next";
import { startAlarmEvaluator } from "./lib/alarms/alarm-evaluator";
import { env } from "./lib/env";
import { attachSocketServer } from "./lib/live/socket-server";
import { createLogger, setLogLevel } from "./lib/log";
import { startReconciler } from "./lib/provisioning/reconciler";
import { createRollupJob } from "./lib/rollups/start-rollup-job";
import { isCrossOriginWrite } from "./lib/security/cross-origin-write";

setLogLevel(env.LOG_LEVEL);
const log = createLogger("server");
const dev = env.NODE_ENV !== "production";
const app = next({ dev, port: env.PORT, hostname: "localhost" });
const handle = app.getRequestHandler();
await app.prepare();
const upgradeNext = app.getUpgradeHandler();

const origin = new URL(env.NEXTAUTH_URL).origin;

const httpServer = createServer((req, res) => {
  if (isCrossOriginWrite(req, origin)) {
    res.writeHead(403, { "content-type": "text/plain; charset=utf-8" }).end("Cross-origin request refused\n");
    return;
  }
  // Layouts read the path for sign-in redirects, and the sign-in throttle the client's address: set here, so a
  // client can choose neither.
  req.headers["x-rhei-path"] = req.url ?? "/";
  req.headers["x-rhei-client-address"] = req.socket.remoteAddress ?? "unknown";
  void handle(req, res);
});

const live = attachSocketServer(httpServer, origin);
// Socket.IO answers its own upgrades; pass the rest (Next's dev reload) on to Next.
httpServer.on("upgrade", (req, socket, head) => {
  if (!req.url?.startsWith("/socket.io")) void upgradeNext(req, socket, head);
});

httpServer.listen(env.PORT, () => {
  log.info(`Rhei listening on http://localhost:${env.PORT} (${dev ? "development" : "production"})`);
});

// Makes Kafka match the database in the background: on nudges from domain operations (here or, through
// PostgreSQL NOTIFY, in other console processes), periodically, and with backoff while Kafka is away.
const reconciler = startReconciler();
// Alarm rules and datastream health, evaluated once per record across all console processes (a consumer group).
const evaluator = env.RHEI_ALARM_EVALUATOR ? startAlarmEvaluator() : undefined;
// Rollups for long charts, kept as records arrive (a consumer group of its own principal; `npm run rollups` runs it
// alone, e.g. in a worker process, with RHEI_ROLLUP_JOB=false here).
const rollups = env.RHEI_ROLLUP_JOB ? createRollupJob() : undefined;
void rollups?.start();

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info(`${signal}: shutting down`);
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  await reconciler.stop();
  await evaluator?.stop();
  await rollups?.stop();
  await live.close();
  await app.close();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
