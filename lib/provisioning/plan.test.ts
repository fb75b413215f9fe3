import { describe, expect, it } from "vitest";
import type { AclBinding } from "../kafka/acl-binding";
import { kafkaPrincipal } from "../topology/principals";
import { systemTopicNames, topicOwner } from "../topology/system-topics";
import { clientAcls, topicSettings } from "./layout";
import { planReconciliation } from "./plan";
import type { DesiredResource, ObservedCluster, ResourcePlan, StateRow } from "./types";

const company = "company-1";
const system = { id: "system-1", name: "d.e.wc.st", partitions: 2, retentionDays: 14 };
const client = { id: "client-1", username: "d.e.wc.st.car1" };
const settings = topicSettings(system, 1, "int");
const settingsFor = (topic: string) => topicSettings(system, 1, topicOwner(topic)?.kind ?? "int");

function desiredFor(opts: { credential?: "pending" | "provisioned" | "revoked"; secretVersion?: number } = {}) {
  const credential = opts.credential ?? "provisioned";
  const secretVersion = opts.secretVersion ?? 1;
  const out: DesiredResource[] = systemTopicNames(system.name).map((key) => ({
    type: "topic" as const,
    key,
    companyId: company,
    systemId: system.id,
    clientId: null,
    desired: settingsFor(key),
  }));
  const ref = { key: client.username, companyId: company, systemId: system.id, clientId: client.id };
  out.push({
    ...ref,
    type: "credential",
    desired: credential === "revoked" ? { present: false } : { present: true, secretVersion },
    pendingMaterial: credential === "pending",
    provisionedSecretVersion: credential === "provisioned" ? secretVersion : null,
  });
  out.push({
    ...ref,
    type: "acls",
    desired: { bindings: credential === "revoked" ? [] : clientAcls(system.name, client.username) },
  });
  return out;
}

function inSyncCluster(): ObservedCluster {
  return {
    topics: new Map(
      systemTopicNames(system.name).map((t) => [
        t,
        { partitions: 2, replicationFactor: 1, configs: { ...settingsFor(t).configs } },
      ]),
    ),
    aclsByPrincipal: new Map([[kafkaPrincipal(client.username), clientAcls(system.name, client.username)]]),
    scramUsers: new Set([client.username]),
  };
}

const emptyCluster = (): ObservedCluster => ({ topics: new Map(), aclsByPrincipal: new Map(), scramUsers: new Set() });

function rowsFor(desired: DesiredResource[], status: StateRow["status"] = "ready"): StateRow[] {
  return desired.map((d, i) => ({
    id: `row-${i}`,
    type: d.type,
    key: d.key,
    companyId: d.companyId,
    systemId: d.systemId,
    clientId: d.clientId,
    desired: d.desired,
    status,
  }));
}

const firstAcl = (): AclBinding => {
  const [first] = clientAcls(system.name, client.username);
  if (!first) throw new Error("no ACLs");
  return first;
};

const byKey = (plans: ResourcePlan[], type: string, key: string) => {
  const plan = plans.find((p) => p.ref.type === type && p.ref.key === key);
  if (!plan) throw new Error(`no plan for ${type} ${key}`);
  return plan;
};
const allActions = (plans: ResourcePlan[]) => plans.flatMap((p) => p.actions);

describe("the layout", () => {
  it("gives a client exactly five literal ALLOW bindings on its own system's topics and its own group", () => {
    const acls = clientAcls(system.name, client.username);
    expect(acls.map((a) => `${a.operation} ${a.resourceType} ${a.resourceName}`)).toEqual([
      `write topic ${system.name}.int`,
      `write topic ${system.name}.log`,
      `read topic ${system.name}.int`,
      `read topic ${system.name}.ext`,
      `read group ${client.username}`,
    ]);
    expect(new Set(acls.map((a) => `${a.principal} ${a.host} ${a.patternType} ${a.permission}`))).toEqual(
      new Set([`User:${client.username} * literal allow`]),
    );
  });

  it("never asks for compaction, turns days into milliseconds, and refuses timestamps older than the retention where clients write", () => {
    const twoDays = { partitions: 3, retentionDays: 2 };
    const guarded = {
      partitions: 3,
      replicationFactor: 3,
      configs: {
        "cleanup.policy": "delete",
        "retention.ms": "172800000",
        "message.timestamp.before.max.ms": "172800000",
      },
    };
    expect(topicSettings(twoDays, 3, "int")).toEqual(guarded);
    expect(topicSettings(twoDays, 3, "log")).toEqual(guarded);
    expect(topicSettings(twoDays, 3, "ext")).toEqual({
      partitions: 3,
      replicationFactor: 3,
      configs: { "cleanup.policy": "delete", "retention.ms": "172800000" },
    });
  });
});

describe("planReconciliation", () => {
  it("provisions everything on an empty cluster", () => {
    const desired = desiredFor({ credential: "pending" });
    const plans = planReconciliation({ desired, rows: [], observed: emptyCluster() });
    expect(plans.map((p) => p.outcome)).toEqual(Array(5).fill("apply"));
    expect(allActions(plans).map((a) => a.kind)).toEqual([
      "create-topic",
      "create-topic",
      "create-topic",
      "set-credential",
      "create-acls",
    ]);
    const acls = byKey(plans, "acls", client.username).actions[0];
    expect(acls?.kind === "create-acls" && acls.bindings).toHaveLength(5);
  });

  it("does nothing when the cluster matches", () => {
    const desired = desiredFor();
    const plans = planReconciliation({ desired, rows: rowsFor(desired), observed: inSyncCluster() });
    expect(plans.map((p) => p.outcome)).toEqual(Array(5).fill("in-sync"));
    expect(allActions(plans)).toEqual([]);
  });

  it("ignores topics, ACLs and users that Rhei does not know", () => {
    const desired = desiredFor();
    const observed = inSyncCluster();
    observed.topics.set("someone.elses.topic", { partitions: 1, replicationFactor: 1, configs: {} });
    const other: AclBinding = { ...firstAcl(), principal: "User:someone-else" };
    observed.aclsByPrincipal.set("User:someone-else", [other]);
    observed.scramUsers.add("someone-else");
    const plans = planReconciliation({ desired, rows: rowsFor(desired), observed });
    expect(plans).toHaveLength(5);
    expect(allActions(plans)).toEqual([]);
  });

  it("reports a topic deleted by hand as drift and re-creates it; a drift row in sync becomes ready", () => {
    const desired = desiredFor();
    const observed = inSyncCluster();
    observed.topics.delete(`${system.name}.ext`);
    const plans = planReconciliation({ desired, rows: rowsFor(desired), observed });
    const ext = byKey(plans, "topic", `${system.name}.ext`);
    expect(ext).toMatchObject({ outcome: "drift", statusOnSuccess: "drift", followUp: true });
    expect(ext.message).toMatch(/deleted outside Rhei/);
    expect(ext.actions).toEqual([
      { kind: "create-topic", topic: `${system.name}.ext`, settings: settingsFor(`${system.name}.ext`) },
    ]);

    const again = planReconciliation({ desired, rows: rowsFor(desired, "drift"), observed: inSyncCluster() });
    expect(again.map((p) => [p.outcome, p.statusOnSuccess])).toEqual(Array(5).fill(["in-sync", "ready"]));
  });

  it("creates a missing topic that was never ready without calling it drift", () => {
    const desired = desiredFor();
    const observed = inSyncCluster();
    observed.topics.delete(`${system.name}.int`);
    const plans = planReconciliation({ desired, rows: rowsFor(desired, "pending"), observed });
    expect(byKey(plans, "topic", `${system.name}.int`)).toMatchObject({ outcome: "apply", statusOnSuccess: "ready" });
  });

  it("restores configs changed by hand and grows partitions, touching only what differs", () => {
    const desired = desiredFor();
    const observed = inSyncCluster();
    observed.topics.set(`${system.name}.int`, {
      partitions: 1,
      replicationFactor: 1,
      configs: { "cleanup.policy": "delete", "retention.ms": "1000" },
    });
    const plan = byKey(
      planReconciliation({ desired, rows: rowsFor(desired), observed }),
      "topic",
      `${system.name}.int`,
    );
    expect(plan.outcome).toBe("drift");
    expect(plan.actions).toEqual([
      { kind: "create-partitions", topic: `${system.name}.int`, count: 2 },
      {
        kind: "alter-topic-configs",
        topic: `${system.name}.int`,
        set: { "retention.ms": "1209600000", "message.timestamp.before.max.ms": "1209600000" },
      },
    ]);
    expect(plan.message).toMatch(/retention\.ms=1000 instead of 1209600000/);
    expect(plan.message).toMatch(/message\.timestamp\.before\.max\.ms=\(unset\) instead of 1209600000/);
  });

  it("treats a changed wish (retention, partitions) as work, not drift, and never shrinks partitions", () => {
    const desired = desiredFor();
    const rows = rowsFor(desired);
    const wider = { ...settings, partitions: 4, configs: { ...settings.configs, "retention.ms": "86400000" } };
    const changed = desired.map((d) => (d.type === "topic" ? { ...d, desired: wider } : d));
    const plans = planReconciliation({ desired: changed, rows, observed: inSyncCluster() });
    expect(byKey(plans, "topic", `${system.name}.log`)).toMatchObject({ outcome: "apply", statusOnSuccess: "ready" });
    const observed = inSyncCluster();
    observed.topics.set(`${system.name}.log`, { ...settings, partitions: 8 });
    expect(byKey(planReconciliation({ desired, rows, observed }), "topic", `${system.name}.log`).outcome).toBe(
      "in-sync",
    );
  });

  it("sets a new or rotated secret, whatever the cluster holds", () => {
    const desired = desiredFor({ credential: "pending", secretVersion: 2 });
    const plan = byKey(
      planReconciliation({ desired, rows: rowsFor(desired), observed: inSyncCluster() }),
      "credential",
      client.username,
    );
    expect(plan).toMatchObject({
      outcome: "apply",
      actions: [{ kind: "set-credential", username: client.username, clientId: client.id, secretVersion: 2 }],
    });
  });

  it("cannot restore a credential deleted by hand: an error that says to rotate", () => {
    const desired = desiredFor();
    const observed = inSyncCluster();
    observed.scramUsers.clear();
    const plan = byKey(
      planReconciliation({ desired, rows: rowsFor(desired), observed }),
      "credential",
      client.username,
    );
    expect(plan).toMatchObject({ outcome: "error", statusOnSuccess: "error", actions: [] });
    expect(plan.message).toMatch(/rotate the secret to re-issue it/);
  });

  it("removes a revoked client's credential and every ACL of its principal at once", () => {
    const desired = desiredFor({ credential: "revoked" });
    const rows = rowsFor(desiredFor()); // the rows still remember the active client
    const observed = inSyncCluster();
    const plans = planReconciliation({ desired, rows, observed });
    expect(byKey(plans, "credential", client.username)).toMatchObject({
      outcome: "apply",
      actions: [{ kind: "delete-credential", username: client.username }],
    });
    const acls = byKey(plans, "acls", client.username);
    expect(acls.outcome).toBe("apply");
    expect(acls.actions).toEqual([{ kind: "delete-acls", bindings: expect.any(Array) }]);
    expect(acls.actions[0]?.kind === "delete-acls" && acls.actions[0].bindings).toHaveLength(5);
    // Once gone, a revoked client is in sync.
    const gone = planReconciliation({ desired, rows: rowsFor(desired), observed: emptyCluster() });
    expect(byKey(gone, "credential", client.username).outcome).toBe("in-sync");
  });

  it("removes an ACL added by hand to a Rhei principal", () => {
    const desired = desiredFor();
    const observed = inSyncCluster();
    const extra: AclBinding = { ...firstAcl(), resourceName: "other.system.int" };
    observed.aclsByPrincipal.get(kafkaPrincipal(client.username))?.push(extra);
    const plan = byKey(planReconciliation({ desired, rows: rowsFor(desired), observed }), "acls", client.username);
    expect(plan).toMatchObject({ outcome: "drift", actions: [{ kind: "delete-acls", bindings: [extra] }] });
    expect(plan.message).toMatch(/1 added outside Rhei \(WRITE topic other\.system\.int\)/);
  });

  it("forgets a deleted client: removes what the cluster still holds, then the rows", () => {
    const rows = rowsFor(desiredFor());
    const plans = planReconciliation({ desired: [], rows, observed: inSyncCluster() });
    expect(plans.every((p) => p.outcome === "forget" && p.statusOnSuccess === "forgotten")).toBe(true);
    expect(
      allActions(plans)
        .map((a) => a.kind)
        .sort(),
    ).toEqual(["delete-acls", "delete-credential", "delete-topic", "delete-topic", "delete-topic"]);
    const nothingLeft = planReconciliation({ desired: [], rows, observed: emptyCluster() });
    expect(allActions(nothingLeft)).toEqual([]);
    expect(nothingLeft.map((p) => p.outcome)).toEqual(Array(5).fill("forget"));
  });

  it("deletes the old topic first when a system is created again under the same name", () => {
    const desired = desiredFor().map((d) => (d.type === "topic" ? { ...d, systemId: "system-2" } : d));
    const rows = rowsFor(desiredFor());
    const plan = byKey(planReconciliation({ desired, rows, observed: inSyncCluster() }), "topic", `${system.name}.int`);
    expect(plan).toMatchObject({
      outcome: "apply",
      statusOnSuccess: "pending",
      followUp: true,
      actions: [{ kind: "delete-topic", topic: `${system.name}.int` }],
    });
  });
});
