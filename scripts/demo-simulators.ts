// `npm run demo` step, a process of its own: the reference demo's client applications, each through the SDK with
// the credentials Rhei issued it (kept by scripts/demo-seed.ts in .data/demo/clients), plus the relay that stands in
// for the reference's stream apps. Stops on SIGINT/SIGTERM, closing every client (flush, commit).
import { setMaxListeners } from "node:events";
import { readFileSync } from "node:fs";
import path from "node:path";
import { runDemoRelay } from "../lib/demo/demo-relay";
import { demoStreams } from "../lib/demo/demo-world";
import { runCar } from "../lib/demo/simulators/car-simulator";
import { runDatastackAdapter } from "../lib/demo/simulators/datastack-adapter";
import { runForecastService } from "../lib/demo/simulators/forecast-service";
import { runWeatherStation } from "../lib/demo/simulators/weather-station-simulator";
import type { RheiClientOptions } from "../lib/sdk";

const dataDir = process.env.RHEI_DATA ?? path.join(process.cwd(), ".data/demo");
const reference = "data/panta-rhei";
const log = (line: string) => console.log(`${new Date().toISOString()} ${line}`);

function credentials(principal: string): RheiClientOptions {
  return JSON.parse(readFileSync(path.join(dataDir, "clients", `${principal}.json`), "utf8")) as RheiClientOptions;
}

const car = "cz.icecars.iot4cps-wp5-CarFleet";
const stations = "is.iceland.iot4cps-wp5-WeatherService.Stations";
const controller = new AbortController();
const { signal } = controller;
// Every simulator loop and pause listens for the one stop signal.
setMaxListeners(100, signal);
for (const name of ["SIGINT", "SIGTERM"] as const) {
  process.on(name, () => {
    log(`${name}: stopping the simulators`);
    controller.abort();
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}

// The reference demo: Car1 every 10 s at 30 km/h, Car2 every 5 s at 35 km/h, a time factor of 100; stations every 10 s.
await Promise.all([
  runCar(
    {
      client: credentials(`${car}.Car1.car_1`),
      instancesFile: `${reference}/CarFleet/Car1/instances.json`,
      subscriptionsFile: `${reference}/CarFleet/Car1/subscriptions.json`,
      routeFile: `${reference}/simulator/openroute_SRFG-round.json`,
      car: { speedKmh: 30, timeFactor: 100, cautiousness: 0.6 },
      intervalMs: 10_000,
      seed: 1,
    },
    signal,
    log,
  ),
  runCar(
    {
      client: credentials(`${car}.Car2.car_2`),
      instancesFile: `${reference}/CarFleet/Car2/instances.json`,
      subscriptionsFile: `${reference}/CarFleet/Car2/subscriptions.json`,
      routeFile: `${reference}/simulator/openroute_Muelln-round.json`,
      car: { speedKmh: 35, timeFactor: 100, cautiousness: 0.3 },
      intervalMs: 5_000,
      seed: 2,
    },
    signal,
    log,
  ),
  runWeatherStation(
    {
      client: credentials(`${stations}.weatherstation_1`),
      instancesFile: `${reference}/WeatherService/demo_station_1/instances.json`,
      weather: { mean: 4, dailyAmplitude: 3.5, yearlyAmplitude: 6, walkStep: 0.2, walkBound: 2, utcOffsetHours: 0 },
      intervalMs: 10_000,
      seed: 3,
    },
    signal,
    log,
  ),
  runWeatherStation(
    {
      client: credentials(`${stations}.weatherstation_2`),
      instancesFile: `${reference}/WeatherService/demo_station_2/instances.json`,
      weather: { mean: 2.5, dailyAmplitude: 4, yearlyAmplitude: 7, walkStep: 0.25, walkBound: 2.5, utcOffsetHours: 0 },
      intervalMs: 10_000,
      seed: 4,
    },
    signal,
    log,
  ),
  runForecastService(
    {
      client: credentials("is.iceland.iot4cps-wp5-WeatherService.Services.forecast_service"),
      subscriptionsFile: `${reference}/WeatherService/forecast_service/subscriptions.json`,
    },
    signal,
    log,
  ),
  runDatastackAdapter(
    {
      client: credentials("at.datahouse.iot4cps-wp5-Analytics.RoadAnalytics.datastack-adapter"),
      subscriptionsFile: `${reference}/Analytics/subscriptions.json`,
    },
    signal,
    log,
  ),
  runDemoRelay(demoStreams, signal, log),
]);
log("simulators stopped");
process.exit(0);
