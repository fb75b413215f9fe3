import { describe, expect, it } from "vitest";
import { companyPath, rowPath, systemObjectPath, systemPath } from "./console-paths";

describe("console paths", () => {
  it("builds the company, system and object pages", () => {
    expect(companyPath("c1")).toBe("/companies/c1");
    expect(companyPath("c1", "audit")).toBe("/companies/c1/audit");
    expect(systemPath("c1", "s1")).toBe("/companies/c1/systems/s1");
    expect(systemPath("c1", "s1", "rejected-records")).toBe("/companies/c1/systems/s1/rejected-records");
    expect(systemObjectPath("c1", "s1", "things", "t1")).toBe("/companies/c1/systems/s1/things/t1");
    expect(rowPath("/companies/c1/systems/s1/clients", "k1")).toBe("/companies/c1/systems/s1/clients/k1");
  });

  it("keeps an id inside its segment", () => {
    expect(companyPath("a/b?c")).toBe("/companies/a%2Fb%3Fc");
  });
});
