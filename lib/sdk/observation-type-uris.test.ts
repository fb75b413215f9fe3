import { describe, expect, it } from "vitest";
import { observationTypeFromUri, observationTypeNames, observationTypeUris } from "./observation-type-uris";

describe("observation type URIs", () => {
  it("map each of the five types to its OGC O&M URI and back", () => {
    expect(observationTypeNames).toEqual(["Measurement", "Count", "Truth", "Category", "Observation"]);
    for (const name of observationTypeNames) expect(observationTypeFromUri(observationTypeUris[name])).toBe(name);
    expect(observationTypeUris.Measurement).toBe(
      "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement",
    );
    expect(new Set(Object.values(observationTypeUris)).size).toBe(5);
  });

  it("accept bare names and https, and nothing else", () => {
    expect(observationTypeFromUri("Count")).toBe("Count");
    expect(observationTypeFromUri("https://www.opengis.net/def/observationType/OGC-OM/2.0/OM_TruthObservation")).toBe(
      "Truth",
    );
    for (const bad of ["measurement", "", "OM_Measurement", "http://example.test/OM_Measurement", "Float"]) {
      expect(observationTypeFromUri(bad), bad).toBeUndefined();
    }
  });
});
