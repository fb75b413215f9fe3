import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { OBSERVATION_TYPE_URIS, OBSERVATION_TYPES, observationTypeOf } from "./observation-type-uris";

describe("observationTypeOf", () => {
  it("maps each OGC O&M URI to its type and back", () => {
    for (const type of OBSERVATION_TYPES) expect(observationTypeOf(OBSERVATION_TYPE_URIS[type])).toBe(type);
    expect(observationTypeOf("http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_TruthObservation")).toBe(
      "Truth",
    );
  });

  it("accepts class names, Rhei's names, https and a trailing slash", () => {
    expect(observationTypeOf("OM_CountObservation")).toBe("Count");
    expect(observationTypeOf("category")).toBe("Category");
    expect(observationTypeOf(" Measurement ")).toBe("Measurement");
    expect(observationTypeOf("https://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement/")).toBe(
      "Measurement",
    );
    expect(observationTypeOf("http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_ComplexObservation")).toBe(
      "Observation",
    );
  });

  it("refuses what is none of the five", () => {
    for (const bad of ["", "OM_Foo", "http://example.com/OM_Measurement", "Measurements"]) {
      expect(observationTypeOf(bad), bad).toBeUndefined();
    }
  });

  it("knows the observationType of the reference platform's instances.json", () => {
    const file = new URL("../../test/fixtures/panta-rhei/car1-instances.json", import.meta.url);
    const instances = JSON.parse(readFileSync(file, "utf8")) as {
      Datastreams: Record<string, { observationType: string }>;
    };
    const types = Object.values(instances.Datastreams).map((ds) => observationTypeOf(ds.observationType));
    expect(types).toEqual(["Measurement", "Measurement", "Measurement", "Measurement", "Measurement"]);
  });
});
