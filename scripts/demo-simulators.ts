// `npm run demo` step, a process of its own: the reference demo's client applications (lib/demo/run-demo.ts) with the
// credentials scripts/demo-seed.ts kept in .data/demo/clients. Stops on SIGINT/SIGTERM, closing every client.
import { setMaxListeners } from "node:events";
import { readFileSync } from "node:fs";
import path from "node:path";
import { runDemo } from "../lib/demo/run-demo";
import type { RheiClientOptions } from "../lib/sdk";

const dataDir = process.env.RHEI_DATA ?? path.join(process.cwd(), ".data/demo");
const log = (line: string) => console.log(`${new Date().toISOString()} ${line}`);
const controller = new AbortController();
// Every simulator loop and pause listens for the one stop signal.
setMaxListeners(100, controller.signal);
for (const name of ["SIGINT", "SIGTERM"] as const) {
  process.on(name, () => {
    log(`${name}: stopping the simulators`);
    controller.abort();
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}

await runDemo({
  credentials: (principal) =>
    JSON.parse(readFileSync(path.join(dataDir, "clients", `${principal}.json`), "utf8")) as RheiClientOptions,
  signal: controller.signal,
  log,
});
log("simulators stopped");
process.exit(0);
