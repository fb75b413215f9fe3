import { readFileSync } from "node:fs";
import type { RheiClientOptions } from "../../sdk";
import { runResilient, type SimulatorLog } from "./run-resilient";

/**
 * The reference demo's analytics adapter: consumes the cars' and stations' data (relayed into its system's `.ext`)
 * where the reference fed a data stack, and logs per-minute counts per datastream.
 */
export function runDatastackAdapter(
  options: { client: RheiClientOptions; subscriptionsFile: string },
  signal: AbortSignal,
  log: SimulatorLog,
): Promise<void> {
  const subscriptions = JSON.parse(readFileSync(options.subscriptionsFile, "utf8")) as {
    subscribed_datastreams: string[];
  };
  return runResilient(
    options.client.client,
    options.client,
    async (client) => {
      client.subscribe(subscriptions);
      await client.log(
        "info",
        `${options.client.client} started, waiting for ${subscriptions.subscribed_datastreams.length} subscribed datastreams`,
      );
      const counts = new Map<string, number>();
      let since = Date.now();
      for await (const record of client.consume()) {
        counts.set(record.datastream.fullName, (counts.get(record.datastream.fullName) ?? 0) + 1);
        if (Date.now() - since > 60_000) {
          const total = [...counts.values()].reduce((a, b) => a + b, 0);
          await client.log("info", `ingested ${total} records from ${counts.size} datastreams in the last minute`);
          counts.clear();
          since = Date.now();
        }
      }
    },
    signal,
    log,
  );
}
