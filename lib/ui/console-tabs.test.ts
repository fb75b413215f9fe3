import { describe, expect, it } from "vitest";
import { companyTabsFor, currentTab, systemTabsFor } from "./console-tabs";

const labels = (role: Parameters<typeof systemTabsFor>[2]) =>
  systemTabsFor("c", "s", role)
    .filter((t) => t.allowed)
    .map((t) => t.label);
const metadata = ["Things", "Datastreams", "Sensors", "Observed properties", "Import / export"];

describe("system tabs", () => {
  it("show the metadata tabs to everyone and the clients tab only to roles that may read clients", () => {
    expect(labels("admin")).toEqual(["Overview", ...metadata, "Clients", "Messages", "Rejected records", "Settings"]);
    expect(labels("engineer")).toEqual([
      "Overview",
      ...metadata,
      "Clients",
      "Messages",
      "Rejected records",
      "Settings",
    ]);
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
      "/companies/c/systems/s/messages",
      "/companies/c/systems/s/rejected-records",
      "/companies/c/systems/s/settings",
    ]);
  });
});

describe("the current tab", () => {
  const company = companyTabsFor("c", "operator");
  const system = systemTabsFor("c", "s", "operator");
  const current = (tabs: typeof company, path: string) => currentTab(tabs, path)?.label;

  it("is the forbidden page's own tab, not the first one", () => {
    expect(current(company, "/companies/c/audit")).toBe("Audit log");
    expect(company.find((t) => t.label === "Audit log")?.allowed).toBe(false);
    expect(current(system, "/companies/c/systems/s/clients")).toBe("Clients");
    expect(current(system, "/companies/c/systems/s/clients/k")).toBe("Clients");
  });

  it("is the systems tab on the list and on every system's pages, and the overview only on its own page", () => {
    expect(current(company, "/companies/c")).toBe("Systems");
    expect(current(company, "/companies/c/systems/s/things/t")).toBe("Systems");
    expect(current(system, "/companies/c/systems/s")).toBe("Overview");
    expect(current(system, "/companies/c/systems/s/things/t")).toBe("Things");
    expect(current(company, "/companies/c/settings")).toBe("Settings");
  });
});
