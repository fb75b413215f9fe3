import { describe, expect, it } from "vitest";
import { systemTabsFor } from "./system-tabs";

const labels = (role: Parameters<typeof systemTabsFor>[2]) => systemTabsFor("c", "s", role).map((t) => t.label);
const metadata = ["Things", "Datastreams", "Sensors", "Observed properties", "Import / export"];

describe("system tabs", () => {
  it("show the metadata tabs to everyone and the clients tab only to roles that may read clients", () => {
    expect(labels("admin")).toEqual(["Overview", ...metadata, "Clients", "Rejected records", "Settings"]);
    expect(labels("engineer")).toEqual(["Overview", ...metadata, "Clients", "Rejected records", "Settings"]);
    expect(labels("auditor")).toEqual(["Overview", ...metadata, "Clients", "Rejected records", "Settings"]);
    expect(labels("operator")).toEqual(["Overview", ...metadata, "Rejected records", "Settings"]);
  });

  it("link below the system's page, at the routes search results link to", () => {
    expect(systemTabsFor("c", "s", "admin").map((t) => t.href)).toEqual([
      "/companies/c/systems/s",
      "/companies/c/systems/s/things",
      "/companies/c/systems/s/datastreams",
      "/companies/c/systems/s/sensors",
      "/companies/c/systems/s/observed-properties",
      "/companies/c/systems/s/metadata",
      "/companies/c/systems/s/clients",
      "/companies/c/systems/s/rejected-records",
      "/companies/c/systems/s/settings",
    ]);
  });
});
