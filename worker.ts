// `npm run worker`: the background jobs of Rhei in one process, next to the console or on another machine. It needs
// DATABASE_URL, the brokers (KAFKA_BROKERS, KAFKA_SASL_MECHANISM, KAFKA_SSL) and RHEI_STREAM_APP_SECRET; no console
// secret. Start more of them to spread the stream apps' partitions (Kafka's group protocol shares them out).
// Each job is started in order and stopped in reverse on SIGTERM/SIGINT.
import { env } from "./lib/env";
import { createLogger, setLogLevel } from "./lib/log";
import { streamAppWorker } from "./lib/stream-apps/runner/stream-app-worker";
import type { WorkerJob } from "./lib/worker/worker-job";

setLogLevel(env.LOG_LEVEL);
const log = createLogger("worker");

const jobs: WorkerJob[] = [
  streamAppWorker({ companyIds: env.RHEI_WORKER_COMPANIES, maxBytes: env.RHEI_WORKER_FETCH_BYTES }),
];

for (const job of jobs) {
  await job.start();
  log.info(`started ${job.name}`);
}

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info(`${signal}: stopping`);
  const force = setTimeout(() => process.exit(1), 20_000);
  force.unref();
  for (const job of [...jobs].reverse()) {
    await job.stop().catch((error: unknown) => log.error(`stopping ${job.name} failed`, { error }));
  }
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
