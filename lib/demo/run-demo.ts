import type { RheiClientOptions } from "../sdk";
import { runCar } from "./simulators/car-simulator";
import { runDatastackAdapter } from "./simulators/datastack-adapter";
import { runForecastService } from "./simulators/forecast-service";
import type { SimulatorLog } from "./simulators/run-resilient";
import { runWeatherStation } from "./simulators/weather-station-simulator";

export interface RunDemoOptions {
  /** The SDK options of the client `<principal>` (its issued credentials). */
  credentials: (principal: string) => RheiClientOptions;
  /** Multiplies every simulator's interval (1 = the reference demo's pace; tests go faster). */
  pace?: number;
  signal: AbortSignal;
  log: SimulatorLog;
}

const reference = "data/panta-rhei";
const cars = "cz.icecars.iot4cps-wp5-CarFleet";
const stations = "is.iceland.iot4cps-wp5-WeatherService.Stations";

/**
 * The reference demo's client applications, each through the SDK with its own credentials (its stream apps are real
 * apps, seeded with the world and run by a worker): Car1 every 10 s at 30 km/h and Car2 every 5 s at 35 km/h (time factor 100), two weather
 * stations every 10 s, the forecast service and the analytics adapter. Resolves when `signal` aborts.
 */
export async function runDemo({ credentials, pace = 1, signal, log }: RunDemoOptions): Promise<void> {
  await Promise.all([
    runCar(
      {
        client: credentials(`${cars}.Car1.car_1`),
        instancesFile: `${reference}/CarFleet/Car1/instances.json`,
        subscriptionsFile: `${reference}/CarFleet/Car1/subscriptions.json`,
        routeFile: `${reference}/simulator/openroute_SRFG-round.json`,
        car: { speedKmh: 30, timeFactor: 100, cautiousness: 0.6 },
        intervalMs: 10_000 * pace,
        seed: 1,
      },
      signal,
      log,
    ),
    runCar(
      {
        client: credentials(`${cars}.Car2.car_2`),
        instancesFile: `${reference}/CarFleet/Car2/instances.json`,
        subscriptionsFile: `${reference}/CarFleet/Car2/subscriptions.json`,
        routeFile: `${reference}/simulator/openroute_Muelln-round.json`,
        car: { speedKmh: 35, timeFactor: 100, cautiousness: 0.3 },
        intervalMs: 5_000 * pace,
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
        intervalMs: 10_000 * pace,
        seed: 3,
      },
      signal,
      log,
    ),
    runWeatherStation(
      {
        client: credentials(`${stations}.weatherstation_2`),
        instancesFile: `${reference}/WeatherService/demo_station_2/instances.json`,
        weather: {
          mean: 2.5,
          dailyAmplitude: 4,
          yearlyAmplitude: 7,
          walkStep: 0.25,
          walkBound: 2.5,
          utcOffsetHours: 0,
        },
        intervalMs: 10_000 * pace,
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
  ]);
}
