import { describe, expect, it } from "vitest";
import { actions, roleAllows, roles } from "./permissions";

describe("role permissions", () => {
  it("gives admins every action in their company", () => {
    for (const action of actions) expect(roleAllows("admin", action), action).toBe(true);
  });

  it("lets every role read the company, its systems and metadata", () => {
    for (const role of roles) {
      for (const action of ["company.read", "system.read", "metadata.read", "data.read"] as const) {
        expect(roleAllows(role, action), `${role} ${action}`).toBe(true);
      }
    }
  });

  it("lets only admins and engineers change metadata", () => {
    expect(roles.filter((r) => roleAllows(r, "metadata.write"))).toEqual(["admin", "engineer"]);
  });

  it("never lets auditors change anything, and operators only their dashboards and alarm acknowledgements", () => {
    const changes = actions.filter((a) => !/\.(read)$/.test(a));
    expect(changes.filter((a) => roleAllows("auditor", a))).toEqual([]);
    expect(changes.filter((a) => roleAllows("operator", a))).toEqual(["dashboard.create", "alarm.acknowledge"]);
  });

  it("lets admins and engineers browse a topic's raw messages", () => {
    expect(roles.filter((r) => roleAllows(r, "topic.browse"))).toEqual(["admin", "engineer"]);
  });

  it("shows the audit log to admins and auditors only", () => {
    expect(roles.filter((r) => roleAllows(r, "audit.read"))).toEqual(["admin", "auditor"]);
  });

  it("shows the cluster and provisioning state to admins and auditors, and lets only admins manage them", () => {
    expect(roles.filter((r) => roleAllows(r, "cluster.read"))).toEqual(["admin", "auditor"]);
    expect(roles.filter((r) => roleAllows(r, "cluster.manage"))).toEqual(["admin"]);
  });

  it("gives auditors exactly the read actions", () => {
    expect(actions.filter((a) => roleAllows("auditor", a))).toEqual(actions.filter((a) => a.endsWith(".read")));
  });
});
