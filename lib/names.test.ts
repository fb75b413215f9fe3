import { describe, expect, it } from "vitest";
import { clientName, entityName, labelName, namePart, systemName } from "./names";

describe("naming rules", () => {
  it("accepts the reference platform's real names", () => {
    for (const n of ["cz", "icecars", "iot4cps-wp5-CarFleet", "Car1", "Stations"])
      expect(namePart.safeParse(n).success).toBe(true);
    for (const n of ["car_1", "weatherstation_1", "datastack-adapter"])
      expect(clientName.safeParse(n).success).toBe(true);
    for (const n of ["Main", "Station_1", "Air Temperature", "Acceleration"])
      expect(entityName.safeParse(n).success).toBe(true);
    expect(systemName({ domain: "cz", enterprise: "icecars" }, "iot4cps-wp5-CarFleet", "Car1")).toBe(
      "cz.icecars.iot4cps-wp5-CarFleet.Car1",
    );
  });

  it("refuses names that would break `domain.enterprise.workcenter.station` and says the rule", () => {
    for (const bad of ["", "ice cars", "a.b", "a_b", "ü", "x".repeat(64)]) {
      const r = namePart.safeParse(bad);
      expect(r.success, bad).toBe(false);
      expect(r.error?.issues[0]?.message).toMatch(/letters A–Z a–z, digits 0–9 and '-' only/);
    }
    expect(clientName.safeParse("car.1").success).toBe(false);
  });

  it("refuses dots, wildcards, control characters and outer spaces in thing and datastream names", () => {
    for (const bad of ["Air.Temperature", "Temp*", " Temp", "Temp ", "a\nb", "", "x".repeat(101)]) {
      expect(entityName.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    expect(entityName.safeParse("T").success).toBe(true);
  });

  it("gives sensors and observed properties up to 200 characters, with one message for an empty name", () => {
    for (const ok of ["PT100 temperature sensor", "EM-506 GPS module", "Air Temperature", "a.b*c", "x".repeat(200)]) {
      expect(labelName.safeParse(ok).success, ok).toBe(true);
    }
    for (const bad of [" GPS", "GPS ", "a\tb", "x".repeat(201)]) {
      expect(labelName.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    expect(labelName.safeParse("").error?.issues.map((i) => i.message)).toEqual([
      "Required: 1–200 characters, no control characters, no leading or trailing spaces",
    ]);
  });
});
