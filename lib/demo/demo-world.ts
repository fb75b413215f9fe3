import type { RoleName } from "../authz/permissions";
import type { JoinSpecInput } from "../stream-apps/join-spec";

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

const cars = "cz.icecars.iot4cps-wp5-CarFleet";
const stations = "is.iceland.iot4cps-wp5-WeatherService.Stations";
const analytics = "at.datahouse.iot4cps-wp5-Analytics.RoadAnalytics";
const carData =
  "quantity = 'Air Temperature' OR quantity = 'Acceleration' OR quantity = 'Latitude' OR quantity = 'Longitude'";

/** A grant the demo's source company offers and the receiver's admin accepts. */
export interface DemoGrant {
  /** The source system. */
  from: string;
  /** `thing.datastream` pattern. */
  datastreams: string;
  /** The receiving company, `domain.enterprise`. */
  to: string;
  /** Only into this system of the receiver. */
  toSystem?: string;
  description: string;
}

/** A stream app of the demo, owned by its target system's company: a filter (query) or a join (spec). */
export type DemoApp = {
  name: string;
  company: string;
  target: string;
  description: string;
} & ({ query: string; join?: undefined } | { join: JoinSpecInput; query?: undefined });

/** Haversine distance between the two cars' positions (each latitude record carries its longitude). */
const carDistance = "haversine(left.result, left.attributes.longitude, right.result, right.attributes.longitude)";

/** What the demo's cross-company apps read under: each source company's consent, accepted by the receiver. */
export const demoGrants: DemoGrant[] = [
  {
    from: `${cars}.Car1`,
    datastreams: "Main.*",
    to: "at.datahouse",
    toSystem: analytics,
    description: "Car 1's readings for road analytics",
  },
  {
    from: `${cars}.Car2`,
    datastreams: "Main.*",
    to: "at.datahouse",
    toSystem: analytics,
    description: "Car 2's readings for road analytics",
  },
  {
    from: stations,
    datastreams: "*.Air Temperature",
    to: "at.datahouse",
    description: "The stations' air temperature for road analytics",
  },
  {
    from: stations,
    datastreams: "*.Air Temperature",
    to: "cz.icecars",
    description: "The stations' air temperature, so the cars warn of icy roads",
  },
];

/**
 * The reference demo's stream apps (car1analytics, car2analytics, weather2car1, weather2analytics), its StreamHub
 * example (stations → services), and what Car2 subscribes to (the stations' air temperature, and Car1, which the
 * reference joined with Car2): real apps, each owned by the company whose system it writes into, the
 * cross-company ones reading under the grants above.
 */
export const demoApps: DemoApp[] = [
  {
    name: "car1analytics",
    company: "at.datahouse",
    target: analytics,
    query: `SELECT * FROM ${cars}.Car1 WHERE ${carData}`,
    description: "Car 1's temperature, acceleration and position into road analytics",
  },
  {
    name: "car2analytics",
    company: "at.datahouse",
    target: analytics,
    query: `SELECT * FROM ${cars}.Car2 WHERE ${carData}`,
    description: "Car 2's temperature, acceleration and position into road analytics",
  },
  {
    name: "weather2analytics",
    company: "at.datahouse",
    target: analytics,
    query: `SELECT * FROM ${stations} WHERE quantity = 'Air Temperature'`,
    description: "Both stations' air temperature into road analytics",
  },
  {
    name: "weather2car1",
    company: "cz.icecars",
    target: `${cars}.Car1`,
    query: `SELECT * FROM ${stations} WHERE quantity = 'Air Temperature'`,
    description: "The stations' air temperature to car 1 (icy-road warnings)",
  },
  {
    name: "weather2car2",
    company: "cz.icecars",
    target: `${cars}.Car2`,
    query: `SELECT * FROM ${stations} WHERE quantity = 'Air Temperature'`,
    description: "The stations' air temperature to car 2 (icy-road warnings)",
  },
  {
    name: "car1car2",
    company: "cz.icecars",
    target: `${cars}.Car2`,
    query: `SELECT * FROM ${cars}.Car1 WHERE ${carData}`,
    description: "Car 1's readings to car 2, which subscribes to them",
  },
  {
    name: "car1car2-closeby",
    company: "cz.icecars",
    target: `${cars}.Car2`,
    description: "Car 1 × Car 2 when they are closer than 1.23 km, with their distance (a time-series join)",
    join: {
      inputs: [
        { name: "car1", query: `SELECT * FROM ${cars}.Car1 WHERE quantity = 'Latitude'` },
        { name: "car2", query: `SELECT * FROM ${cars}.Car2 WHERE quantity = 'Latitude'` },
      ],
      // Car 1 reports every 10 s, car 2 every 5 s: each record has a neighbour of the other car within 2.5 s.
      toleranceMs: 2500,
      mode: "neighbours",
      allowedLatenessMs: 5000,
      idleTimeoutMs: 60_000,
      output: {
        value: `round(${carDistance}, 3)`,
        where: `${carDistance} < 1.23`,
        thing: "Main",
        datastream: "Distance to Car1",
        observationType: "Measurement",
        unit: {
          name: "Kilometer",
          symbol: "km",
          definition: "http://www.qudt.org/qudt/owl/1.0.0/unit/Instances.html#Kilometer",
        },
      },
    },
  },
  {
    name: "stations2services",
    company: "is.iceland",
    target: "is.iceland.iot4cps-wp5-WeatherService.Services",
    query: `SELECT * FROM ${stations} WHERE quantity = 'Air Temperature'`,
    description: "Both stations' air temperature to the forecast service",
  },
];
