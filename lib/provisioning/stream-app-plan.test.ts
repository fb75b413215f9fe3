import { describe, expect, it } from "vitest";
import { joinStateTopicSettings, streamAppAcls } from "./layout";
import { describeAcl, planReconciliation } from "./plan";
import type { DesiredResource, ObservedCluster, StateRow } from "./types";

const app = { key: "cz.icecars.app_frost", companyId: "c", systemId: "s", clientId: null, streamAppId: "a" };
const credential = (version = 1): DesiredResource => ({
  ...app,
  type: "credential",
  desired: { present: true, derived: true, credentialVersion: version },
  pendingMaterial: false,
  provisionedSecretVersion: null,
});
const cluster = (users: string[]): ObservedCluster => ({
  topics: new Map(),
  aclsByPrincipal: new Map(),
  scramUsers: new Set(users),
});
const row = (status: StateRow["status"], version = 1): StateRow => ({
  ...app,
  id: "row",
  type: "credential",
  desired: { present: true, derived: true, credentialVersion: version },
  status,
});

describe("a stream app's provisioning", () => {
  it("sets the derived credential, and restores it (drift) when it was removed by hand", () => {
    const [first] = planReconciliation({ desired: [credential()], rows: [], observed: cluster([]) });
    expect(first?.actions).toEqual([
      { kind: "set-app-credential", username: app.key, appId: "a", credentialVersion: 1 },
    ]);
    const [held] = planReconciliation({ desired: [credential()], rows: [row("ready")], observed: cluster([app.key]) });
    expect(held?.outcome).toBe("in-sync");
    const [gone] = planReconciliation({ desired: [credential()], rows: [row("ready")], observed: cluster([]) });
    expect(gone).toMatchObject({ outcome: "drift", actions: [{ kind: "set-app-credential" }] });
    expect(gone?.message).toMatch(/restored/);
    // A new version replaces the credential even though one exists.
    const [rotated] = planReconciliation({
      desired: [credential(2)],
      rows: [row("ready")],
      observed: cluster([app.key]),
    });
    expect(rotated).toMatchObject({
      outcome: "apply",
      actions: [{ kind: "set-app-credential", credentialVersion: 2 }],
    });
  });

  it("grants least privilege: read the sources' .int, write the target's .ext, its group, its transactional ids", () => {
    const acls = streamAppAcls({
      principal: app.key,
      group: `${app.key}.a`,
      sourceSystems: ["is.iceland.w.Stations", "cz.icecars.fleet.Car1", "is.iceland.w.Stations"],
      targetSystem: "cz.icecars.fleet.Car2",
    });
    expect(acls.every((b) => b.principal === `User:${app.key}` && b.permission === "allow")).toBe(true);
    expect(acls.map(describeAcl)).toEqual([
      "READ topic is.iceland.w.Stations.int",
      "READ topic cz.icecars.fleet.Car1.int",
      "WRITE topic cz.icecars.fleet.Car2.ext",
      "READ group cz.icecars.app_frost.a",
      "WRITE transactional-id cz.icecars.app_frost.tx.*",
    ]);
  });

  it("gives a join READ and WRITE on its own state topic, literal, and nothing beyond a filter app's otherwise", () => {
    const acls = streamAppAcls({
      principal: app.key,
      group: `${app.key}.a`,
      sourceSystems: ["cz.icecars.fleet.Car1", "cz.icecars.fleet.Car2"],
      targetSystem: "cz.icecars.fleet.Car2",
      join: true,
    });
    expect(acls.map(describeAcl)).toEqual([
      "READ topic cz.icecars.fleet.Car1.int",
      "READ topic cz.icecars.fleet.Car2.int",
      "WRITE topic cz.icecars.fleet.Car2.ext",
      "READ group cz.icecars.app_frost.a",
      "WRITE transactional-id cz.icecars.app_frost.tx.*",
      "READ topic cz.icecars.app_frost.state",
      "WRITE topic cz.icecars.app_frost.state",
    ]);
    expect(acls.filter((b) => b.resourceName.endsWith(".state")).every((b) => b.patternType === "literal")).toBe(true);
    const settings = joinStateTopicSettings(1);
    expect(settings).toMatchObject({ partitions: 1, configs: { "cleanup.policy": "compact" } });
  });
});
