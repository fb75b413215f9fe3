import "server-only";
import { readFile } from "node:fs/promises";
import type { Actor } from "../authz/actor";
import { createDashboard } from "../dashboards/create-dashboard";
import type { Panel, PanelStream } from "../dashboards/schemas";
import { db } from "../db/client";
import { applyImport } from "../metadata-io/apply-import";

/** Registers a client's reference instances.json in its system now (the simulator registers it again at start). */
export async function importDemoInstances(admin: Actor, systemId: string, file: string): Promise<void> {
  await applyImport({ actor: admin, systemId, source: await readFile(file, "utf8"), format: "reference" });
}

type PanelSpec = Omit<Panel, "id" | "streams"> & { streams: ({ datastream: string } | { incomingOf: string })[] };

const demoDashboards: Record<string, { name: string; description: string; panels: PanelSpec[] }> = {
  "cz.icecars": {
    name: "Fleet",
    description: "The cars' positions on their loops around Salzburg and the air temperature they measure",
    panels: [
      {
        kind: "position",
        title: "Car1 position",
        windowSeconds: 3600,
        layout: { x: 0, y: 0, w: 6, h: 5 },
        streams: [
          { datastream: "cz.icecars.iot4cps-wp5-CarFleet.Car1.Main.Latitude" },
          { datastream: "cz.icecars.iot4cps-wp5-CarFleet.Car1.Main.Longitude" },
        ],
      },
      {
        kind: "position",
        title: "Car2 position",
        windowSeconds: 3600,
        layout: { x: 6, y: 0, w: 6, h: 5 },
        streams: [
          { datastream: "cz.icecars.iot4cps-wp5-CarFleet.Car2.Main.Latitude" },
          { datastream: "cz.icecars.iot4cps-wp5-CarFleet.Car2.Main.Longitude" },
        ],
      },
      {
        kind: "line",
        title: "Air temperature",
        windowSeconds: 900,
        layout: { x: 0, y: 5, w: 8, h: 4 },
        streams: [
          { datastream: "cz.icecars.iot4cps-wp5-CarFleet.Car1.Main.Air Temperature" },
          { datastream: "cz.icecars.iot4cps-wp5-CarFleet.Car2.Main.Air Temperature" },
        ],
      },
      {
        kind: "line",
        title: "Car1 × Car2 closer than 1.23 km: their distance (join)",
        windowSeconds: 3600,
        layout: { x: 0, y: 9, w: 12, h: 4 },
        streams: [{ datastream: "cz.icecars.iot4cps-wp5-CarFleet.Car2.Main.Distance to Car1" }],
      },
      {
        kind: "value",
        title: "Now",
        windowSeconds: 300,
        layout: { x: 8, y: 5, w: 4, h: 4 },
        streams: [
          { datastream: "cz.icecars.iot4cps-wp5-CarFleet.Car1.Main.Air Temperature" },
          { datastream: "cz.icecars.iot4cps-wp5-CarFleet.Car2.Main.Air Temperature" },
          { datastream: "cz.icecars.iot4cps-wp5-CarFleet.Car1.Main.Acceleration" },
          { datastream: "cz.icecars.iot4cps-wp5-CarFleet.Car2.Main.Acceleration" },
        ],
      },
    ],
  },
  "is.iceland": {
    name: "Stations",
    description: "Both weather stations' air temperature",
    panels: [
      {
        kind: "line",
        title: "Air temperature",
        windowSeconds: 3600,
        layout: { x: 0, y: 0, w: 8, h: 5 },
        streams: [
          { datastream: "is.iceland.iot4cps-wp5-WeatherService.Stations.Station_1.Air Temperature" },
          { datastream: "is.iceland.iot4cps-wp5-WeatherService.Stations.Station_2.Air Temperature" },
        ],
      },
      {
        kind: "value",
        title: "Now",
        windowSeconds: 300,
        layout: { x: 8, y: 0, w: 4, h: 5 },
        streams: [
          { datastream: "is.iceland.iot4cps-wp5-WeatherService.Stations.Station_1.Air Temperature" },
          { datastream: "is.iceland.iot4cps-wp5-WeatherService.Stations.Station_2.Air Temperature" },
        ],
      },
    ],
  },
  "at.datahouse": {
    name: "Incoming",
    description: "What arrives in Road Analytics from the cars and the weather service",
    panels: [
      {
        kind: "table",
        title: "Incoming records",
        windowSeconds: 900,
        layout: { x: 0, y: 0, w: 12, h: 7 },
        streams: [{ incomingOf: "at.datahouse.iot4cps-wp5-Analytics.RoadAnalytics" }],
      },
    ],
  },
};

/** The company's ready dashboard, once (a second run leaves it, and whatever its users did to it, alone). */
export async function ensureDemoDashboard(admin: Actor, companyId: string, company: string): Promise<boolean> {
  const spec = demoDashboards[company];
  if (!spec) return false;
  if (await db.dashboard.findUnique({ where: { companyId_name: { companyId, name: spec.name } } })) return false;
  const datastreams = await db.datastream.findMany({
    where: { system: { companyId } },
    select: { id: true, fullName: true },
  });
  const systems = await db.system.findMany({ where: { companyId }, select: { id: true, name: true } });
  const idOf = new Map([
    ...datastreams.map((d) => [d.fullName, d.id] as const),
    ...systems.map((s) => [s.name, s.id] as const),
  ]);
  const panels = spec.panels.map((p, i) => ({
    ...p,
    id: `demo${i}`,
    streams: p.streams.flatMap((s): PanelStream[] => {
      const id = idOf.get("datastream" in s ? s.datastream : s.incomingOf);
      if (!id) return [];
      return "datastream" in s ? [{ datastreamId: id }] : [{ incomingOf: id }];
    }),
  }));
  await createDashboard({
    actor: admin,
    companyId,
    input: { name: spec.name, description: spec.description, panels: panels.filter((p) => p.streams.length > 0) },
  });
  return true;
}
