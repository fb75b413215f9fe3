import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseMetadata } from "./parse-metadata";

const reference = (file: string) =>
  readFileSync(path.join(import.meta.dirname, "../../data/panta-rhei", file, "instances.json"), "utf8");

describe("reading the reference platform's instances.json", () => {
  it("takes Car1's file unchanged: 1 thing, 3 sensors, 5 observed properties, 5 datastreams", () => {
    const parsed = parseMetadata(reference("CarFleet/Car1"));
    expect(parsed.errors).toEqual([]);
    expect(parsed.format).toBe("reference");
    const doc = parsed.document;
    expect(doc.things).toMatchObject([
      { name: "Main", properties: { specification: "https://www.salzburgresearch.at/projekt/iot4cps/" } },
    ]);
    expect(doc.sensors.map((s) => s.name)).toEqual([
      "PT100 temperature sensor",
      "KAS901-04A acceleration sensor",
      "EM-506 GPS module",
    ]);
    expect(doc.observedProperties.map((p) => p.name)).toEqual([
      "Air Temperature",
      "Maximum Acceleration",
      "Latitude",
      "Longitude",
      "Attitude",
    ]);
    expect(doc.datastreams[0]).toMatchObject({
      thing: "Main",
      name: "Air Temperature",
      observationType: "Measurement",
      unit: { name: "DegreeCelsius", symbol: "degC" },
      sensor: "PT100 temperature sensor",
      observedProperty: "Air Temperature",
      resultSchema: null,
    });
    expect(parsed.datastreamKeys).toMatchObject({
      temperature: { thing: "Main", name: "Air Temperature" },
      "GPS-position-latitude": { thing: "Main", name: "Latitude" },
    });
    // The acceleration unit's "abbreviation" is not a field Rhei keeps: said, not fatal.
    expect(parsed.warnings).toEqual([
      {
        path: "Datastreams.acceleration.unitOfMeasurement.abbreviation",
        message: "Ignored: Rhei keeps only name, symbol, definition of a unit",
      },
    ]);
  });

  it("takes all five demo files", () => {
    const counts = [
      "CarFleet/Car1",
      "CarFleet/Car2",
      "WeatherService/demo_station_1",
      "WeatherService/demo_station_2",
      "WeatherService/forecast_service",
    ].map((f) => {
      const parsed = parseMetadata(reference(f));
      expect(parsed.errors, f).toEqual([]);
      return parsed.document.datastreams.length;
    });
    expect(counts).toEqual([5, 5, 1, 1, 0]);
  });

  it("names the path and the rule of each problem", () => {
    const parsed = parseMetadata({
      Things: { car: { name: "Main.Car" }, ok: { name: "Ok" }, twin: { name: "Ok" } },
      Sensors: { s: { description: "no name" } },
      Datastreams: {
        temperature: { name: "T", observationType: "http://example.test/OM_Float", Thing: "ok" },
        lost: { name: "L", observationType: "Count", Thing: "nowhere" },
        nosensor: { name: "N", observationType: "Count", Thing: "ok", Sensor: "missing" },
        obs: { name: "O", observationType: "Observation", Thing: "ok", resultSchema: { type: "nope" } },
      },
    });
    const byPath = Object.fromEntries(parsed.errors.map((e) => [e.path, e.message]));
    expect(byPath["Things.car.name"]).toMatch(/no '\.' or '\*'/);
    expect(byPath["Things.twin.name"]).toMatch(/Duplicate: the thing "Ok" is also at Things\.ok/);
    expect(byPath["Sensors.s.name"]).toBeDefined();
    expect(byPath["Datastreams.temperature.observationType"]).toMatch(/One of Measurement, .*OM_Measurement/);
    expect(byPath["Datastreams.lost.Thing"]).toBe('No entry "nowhere" in Things (a datastream names its thing by key)');
    expect(byPath["Datastreams.nosensor.Sensor"]).toMatch(/No entry "missing" in Sensors/);
    expect(byPath["Datastreams.obs.resultSchema"]).toMatch(/schema is invalid/);
    expect(parsed.errors.find((e) => e.path === "Datastreams.lost.Thing")).toMatchObject({
      entity: { kind: "datastream", name: "L" },
      field: "Thing",
    });
  });

  it("imports an Observation without a schema with {} and says so; keeps the first of two property descriptions", () => {
    const parsed = parseMetadata({
      Things: { t: { name: "T" } },
      Datastreams: {
        a: { name: "A", observationType: "Observation", Thing: "t", ObservedProperty: { name: "P", definition: "x" } },
        b: { name: "B", observationType: "Truth", Thing: "t", ObservedProperty: { name: "P", definition: "y" } },
      },
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.document.datastreams[0]?.resultSchema).toEqual({});
    expect(parsed.document.observedProperties).toMatchObject([{ name: "P", definition: "x" }]);
    expect(parsed.warnings.map((w) => w.path)).toEqual([
      "Datastreams.a.resultSchema",
      "Datastreams.b.ObservedProperty",
    ]);
  });
});

describe("reading Rhei's format", () => {
  const yaml = `rhei: 1
things:
  - name: Main
    properties: { specification: "https://example.test" }
sensors:
  - name: GPS
datastreams:
  - thing: Main
    name: Position
    observationType: Observation
    sensor: GPS
    resultSchema:
      type: object
      required: [lat, lon]
  - thing: Main
    name: Speed
    observationType: http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement
    unit: { symbol: km/h }
`;

  it("reads YAML and JSON alike, filling left-out fields with their empty value", () => {
    const parsed = parseMetadata(yaml);
    expect(parsed).toMatchObject({ format: "rhei", errors: [], warnings: [] });
    expect(parsed.document.datastreams).toMatchObject([
      { name: "Position", observationType: "Observation", sensor: "GPS", observedProperty: null, description: "" },
      { name: "Speed", observationType: "Measurement", unit: { name: "", symbol: "km/h", definition: "" } },
    ]);
    const json = parseMetadata(JSON.stringify({ rhei: 1, things: [{ name: "Main" }] }));
    expect(json.document.things).toMatchObject([{ name: "Main", description: "", properties: {} }]);
  });

  it("is strict: misspelt keys, wrong versions and broken syntax are refused with their place", () => {
    expect(parseMetadata({ rhei: 2 }).errors).toMatchObject([{ path: "rhei", message: /reads version 1/ }]);
    expect(parseMetadata({ rhei: 1, thing: [] }).errors[0]?.message).toMatch(/Unrecognized key: "thing"/);
    const typo = parseMetadata({
      rhei: 1,
      datastreams: [{ thing: "T", name: "X", observationType: "Count", descripton: "" }],
    });
    expect(typo.errors).toMatchObject([
      { path: "datastreams[0]", entity: { kind: "datastream", name: "X" }, message: /Unrecognized key: "descripton"/ },
    ]);
    const bad = parseMetadata("rhei: 1\nthings:\n  - name: A\n  - name: [B\n");
    expect(bad.errors[0]?.message).toMatch(/^Not valid YAML at line 5, column 1: Flow sequence/);
    const badJson = parseMetadata('{"rhei": 1,\n "things": [}');
    expect(badJson.errors[0]?.message).toMatch(/^Not valid JSON at line 2, column 13: /);
    expect(parseMetadata("[1, 2]").errors[0]?.message).toMatch(/Not a metadata document/);
    expect(parseMetadata("rhei: 1\nrhei: 1\n").errors[0]?.message).toMatch(/unique/);
    const schemaless = parseMetadata({
      rhei: 1,
      datastreams: [{ thing: "T", name: "X", observationType: "Observation" }],
    });
    expect(schemaless.errors).toMatchObject([
      {
        path: "datastreams[0].resultSchema",
        field: "resultSchema",
        message: /Required for observationType Observation/,
      },
    ]);
    const dup = parseMetadata({
      rhei: 1,
      datastreams: [
        { thing: "T", name: "X", observationType: "Count" },
        { thing: "T", name: "X", observationType: "Truth" },
        { thing: "U", name: "X", observationType: "Truth" },
      ],
    });
    expect(dup.errors).toMatchObject([{ path: "datastreams[1].name", message: /also at datastreams\[0\]/ }]);
  });
});
