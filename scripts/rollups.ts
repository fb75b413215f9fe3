// `npm run rollups`: the rollup job on its own (the console runs it too unless RHEI_ROLLUP_JOB=false), until Ctrl-C,
// with a progress line a minute. `npm run rollups -- rebuild [system …]`: rebuilds rollups from Kafka (all systems,
// or the named ones): the job, wherever it runs, reads those partitions again from the start of the log.
import { env } from "../lib/env";
import { createLogger, setLogLevel } from "../lib/log";
import { rebuildRollups } from "../lib/rollups/rebuild-rollups";
import { rollupLag } from "../lib/rollups/rollup-lag";
import { createRollupJob } from "../lib/rollups/start-rollup-job";

setLogLevel(env.LOG_LEVEL);
const log = createLogger("rollups");
const [command, ...systems] = process.argv.slice(2);

if (command === "rebuild") {
  const done = await rebuildRollups({ systemNames: systems.length > 0 ? systems : undefined });
  log.info(
    `cleared ${done.rollups} rollup rows and ${done.positions} positions of ${done.systems.length} system(s); the rollup job reads them again from Kafka`,
  );
  process.exit(0);
}
if (command !== undefined) {
  console.error("usage: npm run rollups                 run the rollup job until Ctrl-C");
  console.error("       npm run rollups -- rebuild [system …]   rebuild rollups from Kafka");
  process.exit(2);
}

const job = createRollupJob();
await job.start();
let last = 0;
const progress = setInterval(() => {
  void rollupLag()
    .then((lag) => {
      const rate = Math.round((job.stats.messages - last) / 60);
      last = job.stats.messages;
      log.info(
        `rolled up ${job.stats.records.toLocaleString("en-US")} records (${job.stats.late} late), ${rate}/s; ${lag.toLocaleString("en-US")} messages behind`,
      );
    })
    .catch(() => undefined);
}, 60_000);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    clearInterval(progress);
    void job.stop().finally(() => process.exit(0));
  });
}
