import { readFileSync } from "node:fs";
import type { RheiClientOptions } from "../../sdk";
import { CarModel, type CarSettings } from "../car-model";
import { seededRandom } from "../random";
import { RouteTrack } from "../route-track";
import { WeatherModel } from "../weather-model";
import { runResilient, type SimulatorLog, tick } from "./run-resilient";

export interface CarSimulation {
  client: RheiClientOptions;
  instancesFile: string;
  subscriptionsFile: string;
  routeFile: string;
  car: CarSettings;
  intervalMs: number;
  seed: number;
}

/**
 * A car of the reference demo: registers its instances.json, observes air temperature, peak acceleration and its
 * position on a looping track, and warns in its log ("road could be slippery") when a subscribed air temperature
 * (its own or a weather station's, relayed to its `.ext`) drops below 0 °C.
 */
export function runCar(sim: CarSimulation, signal: AbortSignal, log: SimulatorLog): Promise<void> {
  const instances = JSON.parse(readFileSync(sim.instancesFile, "utf8")) as unknown;
  const subscriptions = JSON.parse(readFileSync(sim.subscriptionsFile, "utf8")) as { subscribed_datastreams: string[] };
  const random = seededRandom(sim.seed);
  const car = new CarModel(RouteTrack.fromFile(sim.routeFile), sim.car, random, sim.seed * 1000);
  const air = new WeatherModel(
    { mean: 1.5, dailyAmplitude: 3, yearlyAmplitude: 6, walkStep: 0.15, walkBound: 2.5, utcOffsetHours: 1 },
    random,
  );

  return runResilient(
    sim.client.client,
    sim.client,
    async (client, stop) => {
      await client.register(instances);
      client.subscribe(subscriptions);
      await client.log(
        "info",
        `${sim.client.client} started: ${sim.car.speedKmh} km/h, every ${sim.intervalMs / 1000} s`,
      );
      const watch = async () => {
        let lastWarning = 0;
        for await (const record of client.consume()) {
          const cold =
            record.datastream.name === "Air Temperature" && typeof record.result === "number" && record.result < 0;
          if (cold && Date.now() - lastWarning > 60_000) {
            lastWarning = Date.now();
            await client.log("warn", `road could be slippery: ${record.datastream.fullName} = ${record.result} °C`);
          }
        }
      };
      const drive = async () => {
        while (!stop.aborted) {
          const temperature = air.observe(new Date());
          const o = car.step(sim.intervalMs / 1000, temperature);
          await client.produce("temperature", temperature);
          await client.produce("acceleration", o.acceleration);
          const longitude = Math.round(o.longitude * 1e6) / 1e6;
          // The latitude carries its longitude too, so one record is a position: the demo's join computes the
          // distance between the two cars from one record of each (docs/time-series-join.md).
          await client.produce("GPS-position-latitude", Math.round(o.latitude * 1e6) / 1e6, {
            attributes: { longitude },
          });
          await client.produce("GPS-position-longitude", longitude);
          await client.produce("GPS-position-attitude", Math.round(o.altitude * 10) / 10);
          await client.flush();
          await tick(sim.intervalMs, stop);
        }
      };
      // Either failing ends both: runResilient closes the client, which ends the other loop too.
      await Promise.all([drive(), watch()]);
    },
    signal,
    log,
  );
}
