import { describe, expect, it } from "vitest";
import { diffMetadata, type ExistingMetadata } from "./diff-metadata";
import type { LocatedDocument, MetadataDocument } from "./document";
import { parseMetadata } from "./parse-metadata";
import { serializeMetadata } from "./serialize-metadata";

const doc: MetadataDocument = {
  things: [
    { name: "Zeta", description: "", properties: {} },
    { name: "Alpha", description: "first", properties: { z: 1, a: { y: [2, { c: 3, b: 4 }] } } },
  ],
  sensors: [{ name: "GPS", description: "", encodingType: "application/pdf", metadata: "" }],
  observedProperties: [
    { name: "Position", description: "where", definition: "" },
    { name: "Unused", description: "", definition: "urn:x" },
  ],
  datastreams: [
    {
      thing: "Zeta",
      name: "Speed",
      description: "",
      observationType: "Measurement",
      unit: { name: "", symbol: "km/h", definition: "" },
      sensor: null,
      observedProperty: null,
      resultSchema: null,
    },
    {
      thing: "Alpha",
      name: "Speed",
      description: "yes",
      observationType: "Observation",
      unit: { name: "", symbol: "", definition: "" },
      sensor: "GPS",
      observedProperty: "Position",
      resultSchema: { type: "object", properties: { lon: { type: "number" }, lat: { type: "number" } } },
    },
  ],
};

const strip = (d: LocatedDocument): MetadataDocument => ({
  things: d.things.map(({ at: _, ...t }) => t),
  sensors: d.sensors.map(({ at: _, ...s }) => s),
  observedProperties: d.observedProperties.map(({ at: _, ...p }) => p),
  datastreams: d.datastreams.map(({ at: _, ...x }) => x),
});

const sorted = (d: MetadataDocument): MetadataDocument => ({
  things: [...d.things].sort((a, b) => (a.name < b.name ? -1 : 1)),
  sensors: [...d.sensors].sort((a, b) => (a.name < b.name ? -1 : 1)),
  observedProperties: [...d.observedProperties].sort((a, b) => (a.name < b.name ? -1 : 1)),
  datastreams: [...d.datastreams].sort((a, b) => (`${a.thing}.${a.name}` < `${b.thing}.${b.name}` ? -1 : 1)),
});

describe("writing metadata", () => {
  it("writes Rhei's YAML in a stable order, without empty fields, and reads it back the same", () => {
    const out = serializeMetadata(doc, "rhei-yaml");
    expect(out.content).toBe(`rhei: 1
things:
  - name: Alpha
    description: first
    properties:
      a:
        "y":
          - 2
          - b: 4
            c: 3
      z: 1
  - name: Zeta
sensors:
  - name: GPS
    encodingType: application/pdf
observedProperties:
  - name: Position
    description: where
  - name: Unused
    definition: urn:x
datastreams:
  - thing: Alpha
    name: Speed
    description: "yes"
    observationType: Observation
    sensor: GPS
    observedProperty: Position
    resultSchema:
      properties:
        lat:
          type: number
        lon:
          type: number
      type: object
  - thing: Zeta
    name: Speed
    observationType: Measurement
    unit:
      symbol: km/h
`);
    const back = parseMetadata(out.content);
    expect(back.errors).toEqual([]);
    expect(strip(back.document)).toEqual(sorted(doc));
    // Same document in another order: same bytes.
    const shuffled = { ...doc, things: [...doc.things].reverse(), datastreams: [...doc.datastreams].reverse() };
    expect(serializeMetadata(shuffled, "rhei-yaml").content).toBe(out.content);
    const json = serializeMetadata(doc, "rhei-json");
    expect(strip(parseMetadata(json.content).document)).toEqual(sorted(doc));
  });

  it("reads back awkward strings exactly, in both formats", () => {
    const names = ["yes", "123", "- dash", "a: b", "#hash", "Température °C", "null", "~", "0x1F", "'quoted'"];
    const awkward: MetadataDocument = {
      things: names.map((name) => ({ name, description: "line 1\nline 2: 'x' \"y\"", properties: { [name]: name } })),
      sensors: names.map((name) => ({ name, description: "", encodingType: "", metadata: "" })),
      observedProperties: [],
      datastreams: names.map((name) => ({
        thing: name,
        name,
        description: "",
        observationType: "Category",
        unit: { name: "", symbol: name, definition: "" },
        sensor: name,
        observedProperty: null,
        resultSchema: null,
      })),
    };
    for (const format of ["rhei-yaml", "rhei-json", "reference"] as const) {
      const back = parseMetadata(serializeMetadata(awkward, format).content);
      expect(back.errors, format).toEqual([]);
      // Sorted: JavaScript objects list integer-like keys ("123") first, so the reference format reads them first.
      expect(sorted(strip(back.document)), format).toEqual(sorted(awkward));
    }
  });

  it("writes the reference format with O&M URIs, keys by name, and says what it cannot hold", () => {
    const out = serializeMetadata(doc, "reference");
    const written = JSON.parse(out.content);
    expect(Object.keys(written.Datastreams)).toEqual(["Alpha.Speed", "Zeta.Speed"]);
    expect(written.Datastreams["Zeta.Speed"]).toEqual({
      name: "Speed",
      description: "",
      observationType: "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement",
      unitOfMeasurement: { name: "", symbol: "km/h", definition: "" },
      Thing: "Zeta",
    });
    expect(out.warnings).toEqual([
      'The observed property "Unused" is used by no datastream: the reference format cannot hold it',
    ]);
    const back = parseMetadata(out.content);
    expect(back.errors).toEqual([]);
    expect(strip(back.document)).toEqual(
      sorted({ ...doc, observedProperties: doc.observedProperties.filter((p) => p.name !== "Unused") }),
    );
    expect(serializeMetadata(strip(back.document), "reference").content).toBe(out.content);
  });
});

describe("planning an import", () => {
  const existing = (): ExistingMetadata => ({
    systemName: "d.e.w.s",
    things: new Map([["Alpha", { id: "t1", name: "Alpha", description: "old", properties: {} }]]),
    sensors: new Map(),
    observedProperties: new Map(),
    datastreams: new Map([
      [
        "Alpha.Speed",
        {
          id: "d1",
          schemaVersion: 3,
          thing: "Alpha",
          name: "Speed",
          description: "yes",
          observationType: "Observation",
          unit: { name: "", symbol: "", definition: "" },
          sensor: null,
          observedProperty: null,
          // Same schema, keys in jsonb's order.
          resultSchema: { type: "object", properties: { lat: { type: "number" }, lon: { type: "number" } } },
        },
      ],
    ]),
  });

  it("says create, update (with the changed fields and new schema version) or unchanged", () => {
    const parsed = parseMetadata(serializeMetadata(doc, "rhei-yaml").content);
    const { plan, operations } = diffMetadata(parsed, existing(), "sys");
    expect(plan.errors).toEqual([]);
    expect(plan.summary).toEqual({
      thing: { create: 1, update: 1, unchanged: 0 },
      sensor: { create: 1, update: 0, unchanged: 0 },
      observedProperty: { create: 2, update: 0, unchanged: 0 },
      datastream: { create: 1, update: 1, unchanged: 0 },
    });
    expect(plan.items.find((i) => i.kind === "thing" && i.name === "Alpha")).toMatchObject({
      action: "update",
      changes: [
        { field: "description", from: "old", to: "first" },
        { field: "properties", from: {}, to: expect.any(Object) },
      ],
    });
    // Sensor and property attached: an update, but no new schema version.
    const speed = plan.items.find((i) => i.name === "Alpha.Speed");
    expect(speed).toMatchObject({ action: "update" });
    expect(speed?.changes?.map((c) => c.field)).toEqual(["sensor", "observedProperty"]);
    expect(speed?.schemaVersion).toBeUndefined();
    expect(plan.items.find((i) => i.name === "Zeta.Speed")).toMatchObject({ action: "create", schemaVersion: 1 });
    expect(operations.datastreams.find((o) => o.id === "d1")?.newSchemaVersion).toBeUndefined();
  });

  it("bumps the schema version on a type or unit change and leaves the unchanged alone", () => {
    const parsed = parseMetadata({
      rhei: 1,
      things: [{ name: "Alpha", description: "old" }],
      datastreams: [
        { thing: "Alpha", name: "Speed", description: "yes", observationType: "Measurement", unit: { symbol: "m/s" } },
      ],
    });
    const { plan } = diffMetadata(parsed, existing(), "sys");
    expect(plan.items).toMatchObject([
      { kind: "thing", name: "Alpha", action: "unchanged" },
      {
        kind: "datastream",
        action: "update",
        schemaVersion: 4,
        changes: [
          { field: "observationType", from: "Observation", to: "Measurement" },
          { field: "unit.symbol", from: "", to: "m/s" },
          { field: "resultSchema", to: null },
        ],
      },
    ]);
  });

  it("refuses names that are neither in the file nor in the system", () => {
    const parsed = parseMetadata({
      rhei: 1,
      datastreams: [
        { thing: "Nowhere", name: "X", observationType: "Count", sensor: "Ghost", observedProperty: "Spirit" },
        { thing: "Alpha", name: "Y", observationType: "Count" },
      ],
    });
    const { plan } = diffMetadata(parsed, existing(), "sys");
    expect(plan.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      'datastreams[0].thing: No thing named "Nowhere" in the document or in d.e.w.s',
      'datastreams[0].sensor: No sensor named "Ghost" in the document or in d.e.w.s',
      'datastreams[0].observedProperty: No observed property named "Spirit" in the document or in d.e.w.s',
    ]);
    expect(plan.items).toMatchObject([{ name: "Alpha.Y", action: "create" }]);
  });
});
