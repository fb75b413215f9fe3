import { readFileSync } from "node:fs";
import type { RheiClientOptions } from "../../sdk";
import { runResilient, type SimulatorLog } from "./run-resilient";

interface Smoothed {
  level: number;
  trendPerHour: number;
  at: number;
  count: number;
}

/**
 * The reference demo's forecast service: consumes both stations' air temperature (relayed into its system's `.ext`),
 * keeps a Holt (level + trend) estimate per station, and logs a one-hour forecast at most once a minute.
 */
export function runForecastService(
  options: { client: RheiClientOptions; subscriptionsFile: string },
  signal: AbortSignal,
  log: SimulatorLog,
): Promise<void> {
  const subscriptions = JSON.parse(readFileSync(options.subscriptionsFile, "utf8")) as {
    subscribed_datastreams: string[];
  };
  const estimates = new Map<string, Smoothed>();
  const alpha = 0.3;
  const beta = 0.1;
  return runResilient(
    options.client.client,
    options.client,
    async (client) => {
      client.subscribe(subscriptions);
      await client.log(
        "info",
        `${options.client.client} started, waiting for ${subscriptions.subscribed_datastreams.length} subscribed datastreams`,
      );
      let lastReport = 0;
      for await (const record of client.consume()) {
        if (typeof record.result !== "number") continue;
        const at = Date.parse(record.phenomenonTime);
        const previous = estimates.get(record.datastream.fullName);
        if (!previous) {
          estimates.set(record.datastream.fullName, { level: record.result, trendPerHour: 0, at, count: 1 });
        } else {
          const hours = Math.max((at - previous.at) / 3_600_000, 1 / 3600);
          const level = alpha * record.result + (1 - alpha) * (previous.level + previous.trendPerHour * hours);
          const trendPerHour = beta * ((level - previous.level) / hours) + (1 - beta) * previous.trendPerHour;
          estimates.set(record.datastream.fullName, { level, trendPerHour, at, count: previous.count + 1 });
        }
        if (Date.now() - lastReport > 60_000 && estimates.size > 0) {
          lastReport = Date.now();
          const parts = [...estimates].map(([name, e]) => {
            const forecast = e.level + Math.max(-5, Math.min(5, e.trendPerHour));
            return `${name.split(".").slice(-2, -1)[0]}: ${forecast.toFixed(1)} °C in 1 h (${e.count} observations)`;
          });
          await client.log("info", `forecast ${parts.join("; ")}`);
        }
      }
    },
    signal,
    log,
  );
}
