import { readFileSync } from "node:fs";
import type { RheiClientOptions } from "../../sdk";
import { seededRandom } from "../random";
import { WeatherModel, type WeatherSettings } from "../weather-model";
import { runResilient, type SimulatorLog, tick } from "./run-resilient";

export interface StationSimulation {
  client: RheiClientOptions;
  instancesFile: string;
  weather: WeatherSettings;
  intervalMs: number;
  seed: number;
}

/** A weather station of the reference demo: air temperature with daily and yearly cycles and a bounded random walk. */
export function runWeatherStation(sim: StationSimulation, signal: AbortSignal, log: SimulatorLog): Promise<void> {
  const instances = JSON.parse(readFileSync(sim.instancesFile, "utf8")) as unknown;
  const model = new WeatherModel(sim.weather, seededRandom(sim.seed));
  return runResilient(
    sim.client.client,
    sim.client,
    async (client, stop) => {
      await client.register(instances);
      await client.log("info", `${sim.client.client} started, observing every ${sim.intervalMs / 1000} s`);
      while (!stop.aborted) {
        await client.produce("temperature", model.observe(new Date()));
        await client.flush();
        await tick(sim.intervalMs, stop);
      }
    },
    signal,
    log,
  );
}
