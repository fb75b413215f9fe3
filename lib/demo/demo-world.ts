import type { RoleName } from "../authz/permissions";

// The reference platform's demo world (reference-platform.md §1 and §8), as Rhei seeds it for `npm run demo`.
// Passwords are documented in the README: they protect a local demo, nothing else.

export interface DemoClient {
  name: string;
  description: string;
  /** The reference's instances.json this client registers at start (relative to the repository). */
  instances?: string;
  /** The reference's subscriptions.json. */
  subscriptions?: string;
}

export interface DemoSystem {
  workcenter: string;
  station: string;
  description: string;
  clients: DemoClient[];
}

export interface DemoCompany {
  domain: string;
  enterprise: string;
  description: string;
  systems: DemoSystem[];
}

const data = "data/panta-rhei";

export const demoCompanies: DemoCompany[] = [
  {
    domain: "cz",
    enterprise: "icecars",
    description: "Connected cars on icy roads (the reference demo's car fleet)",
    systems: [
      {
        workcenter: "iot4cps-wp5-CarFleet",
        station: "Car1",
        description: "Demo car 1: drives a loop around Salzburg, observes every 10 s",
        clients: [
          {
            name: "car_1",
            description: "The car's on-board unit",
            instances: `${data}/CarFleet/Car1/instances.json`,
            subscriptions: `${data}/CarFleet/Car1/subscriptions.json`,
          },
        ],
      },
      {
        workcenter: "iot4cps-wp5-CarFleet",
        station: "Car2",
        description: "Demo car 2: a faster loop, observes every 5 s",
        clients: [
          {
            name: "car_2",
            description: "The car's on-board unit",
            instances: `${data}/CarFleet/Car2/instances.json`,
            subscriptions: `${data}/CarFleet/Car2/subscriptions.json`,
          },
        ],
      },
    ],
  },
  {
    domain: "is",
    enterprise: "iceland",
    description: "A weather service with two stations and a forecast service",
    systems: [
      {
        workcenter: "iot4cps-wp5-WeatherService",
        station: "Stations",
        description: "Two weather stations measuring air temperature every 10 s",
        clients: [
          {
            name: "weatherstation_1",
            description: "Weather station 1",
            instances: `${data}/WeatherService/demo_station_1/instances.json`,
            subscriptions: `${data}/WeatherService/demo_station_1/subscriptions.json`,
          },
          {
            name: "weatherstation_2",
            description: "Weather station 2",
            instances: `${data}/WeatherService/demo_station_2/instances.json`,
            subscriptions: `${data}/WeatherService/demo_station_2/subscriptions.json`,
          },
        ],
      },
      {
        workcenter: "iot4cps-wp5-WeatherService",
        station: "Services",
        description: "Central services fed by the stations",
        clients: [
          {
            name: "forecast_service",
            description: "Forecasts from both stations' air temperature",
            instances: `${data}/WeatherService/forecast_service/instances.json`,
            subscriptions: `${data}/WeatherService/forecast_service/subscriptions.json`,
          },
        ],
      },
    ],
  },
  {
    domain: "at",
    enterprise: "datahouse",
    description: "Road analytics on the cars' and stations' data",
    systems: [
      {
        workcenter: "iot4cps-wp5-Analytics",
        station: "RoadAnalytics",
        description: "Collects car and weather data for road-quality analytics",
        clients: [
          {
            name: "datastack-adapter",
            description: "Forwards subscribed data to the analytics data stack",
            subscriptions: `${data}/Analytics/subscriptions.json`,
          },
        ],
      },
    ],
  },
];

export const demoRoles: RoleName[] = ["admin", "engineer", "operator", "auditor"];

/** `admin@icecars.example` and so on: one user per role and company. */
export function demoUserEmail(company: DemoCompany, role: RoleName): string {
  return `${role}@${company.enterprise}.example`;
}

/** One password per role, the same in every company (README, "The demo"). */
export function demoPassword(role: RoleName): string {
  return `rhei-demo-${role}`;
}

/**
 * The reference demo's stream apps (car1analytics, car2analytics, weather2car1, weather2analytics), its StreamHub
 * example (stations → services), and what Car2 subscribes to (the stations' air temperature, and Car1, which the
 * reference joined with Car2 into Car2's `.ext`): which system's data flows into which system's `.ext`.
 */
export const demoStreams = [
  {
    name: "car1analytics",
    from: "cz.icecars.iot4cps-wp5-CarFleet.Car1",
    to: "at.datahouse.iot4cps-wp5-Analytics.RoadAnalytics",
  },
  {
    name: "car2analytics",
    from: "cz.icecars.iot4cps-wp5-CarFleet.Car2",
    to: "at.datahouse.iot4cps-wp5-Analytics.RoadAnalytics",
  },
  {
    name: "weather2car1",
    from: "is.iceland.iot4cps-wp5-WeatherService.Stations",
    to: "cz.icecars.iot4cps-wp5-CarFleet.Car1",
  },
  {
    name: "weather2car2",
    from: "is.iceland.iot4cps-wp5-WeatherService.Stations",
    to: "cz.icecars.iot4cps-wp5-CarFleet.Car2",
  },
  {
    name: "car1car2",
    from: "cz.icecars.iot4cps-wp5-CarFleet.Car1",
    to: "cz.icecars.iot4cps-wp5-CarFleet.Car2",
  },
  {
    name: "weather2analytics",
    from: "is.iceland.iot4cps-wp5-WeatherService.Stations",
    to: "at.datahouse.iot4cps-wp5-Analytics.RoadAnalytics",
  },
  {
    name: "stations2services",
    from: "is.iceland.iot4cps-wp5-WeatherService.Stations",
    to: "is.iceland.iot4cps-wp5-WeatherService.Services",
  },
] as const;
