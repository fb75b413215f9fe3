import { describe, expect, it } from "vitest";
import { byRank, rankMatch } from "./rank-match";

describe("search ranking", () => {
  it("puts exact names before prefixes before word starts before substrings", () => {
    expect(rankMatch("car1", "Car1")).toBe(0);
    expect(rankMatch("car", "Car1")).toBe(1);
    expect(rankMatch("air", "Main", "cz.icecars.Fleet.Air-Temp")).toBe(2);
    expect(rankMatch("temp", "Air Temperature")).toBe(2);
    expect(rankMatch("ar1", "Car1")).toBe(3);
    expect(rankMatch("cz.ice", "Car1", "cz.icecars.Fleet.Car1")).toBe(2);
  });

  it("orders hits by rank, then length, then name", () => {
    const names = ["Scar", "Car10", "Car1", "Sidecar", "car-park", "Car"];
    expect(names.sort(byRank("car", (n) => [n]))).toEqual(["Car", "Car1", "Car10", "car-park", "Scar", "Sidecar"]);
  });
});
