import { describe, expect, it } from "vitest";
import { systemTabsFor } from "./system-tabs";

const labels = (role: Parameters<typeof systemTabsFor>[2]) => systemTabsFor("c", "s", role).map((t) => t.label);

describe("system tabs", () => {
  it("show the clients tab only to roles that may read clients", () => {
    expect(labels("admin")).toEqual(["Overview", "Clients", "Settings"]);
    expect(labels("engineer")).toEqual(["Overview", "Clients", "Settings"]);
    expect(labels("auditor")).toEqual(["Overview", "Clients", "Settings"]);
    expect(labels("operator")).toEqual(["Overview", "Settings"]);
  });

  it("link below the system's page", () => {
    expect(systemTabsFor("c", "s", "admin").map((t) => t.href)).toEqual([
      "/companies/c/systems/s",
      "/companies/c/systems/s/clients",
      "/companies/c/systems/s/settings",
    ]);
  });
});
