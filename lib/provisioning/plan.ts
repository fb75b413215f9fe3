// The planner: desired state × observed cluster × previous state rows → what to do, per resource. Pure (no I/O),
// so every rule below has a unit test (plan.test.ts).
import { type AclBinding, aclKey, compareAcls } from "../kafka/acl-binding";
import { sameJson } from "../stable-json";
import { kafkaPrincipal } from "../topology/principals";
import { aclSubject, inAclScope, managedTopicConfigs, type TopicSettings } from "./layout";
import type {
  DesiredResource,
  KafkaAction,
  ObservedCluster,
  ObservedTopic,
  ResourcePlan,
  ResourceType,
  StateRow,
} from "./types";

const rowKey = (type: ResourceType, key: string) => `${type}\u0000${key}`;

export interface PlanInput {
  desired: DesiredResource[];
  rows: StateRow[];
  observed: ObservedCluster;
}

export function planReconciliation({ desired, rows, observed }: PlanInput): ResourcePlan[] {
  const rowsByKey = new Map(rows.map((r) => [rowKey(r.type, r.key), r]));
  const plans: ResourcePlan[] = [];
  const wanted = new Set<string>();
  for (const d of desired) {
    wanted.add(rowKey(d.type, d.key));
    const row = rowsByKey.get(rowKey(d.type, d.key)) ?? null;
    if (d.type === "topic") plans.push(planTopic(d, row, observed.topics.get(d.key)));
    else if (d.type === "credential") plans.push(planCredential(d, row, observed.scramUsers.has(d.key)));
    else plans.push(planAcls(d, row, aclsOf(observed, d.key)));
  }
  for (const row of rows) {
    if (!wanted.has(rowKey(row.type, row.key))) plans.push(planForget(row, observed));
  }
  return plans;
}

/** The bindings the ACL resource of `key` owns on the cluster: its principal's, within its scope if it has one. */
function aclsOf(observed: ObservedCluster, key: string): AclBinding[] {
  const all = observed.aclsByPrincipal.get(kafkaPrincipal(aclSubject(key).username)) ?? [];
  return all.filter((b) => inAclScope(key, b));
}

/** A resource that needs changing: drift if it was ready (someone changed the cluster), else plain apply. */
function changed(
  base: Omit<ResourcePlan, "outcome" | "statusOnSuccess" | "actions" | "message">,
  row: StateRow | null,
  actions: KafkaAction[],
  driftMessage: string,
): ResourcePlan {
  // Drift only if the database wanted the same before: a changed wish is plain work, not drift.
  if (row?.status === "ready" && sameJson(row.desired, base.desired)) {
    return { ...base, actions, outcome: "drift", statusOnSuccess: "drift", message: driftMessage, followUp: true };
  }
  return { ...base, actions, outcome: "apply", statusOnSuccess: "ready" };
}

function inSync(base: Omit<ResourcePlan, "outcome" | "statusOnSuccess" | "actions">): ResourcePlan {
  return { ...base, actions: [], outcome: "in-sync", statusOnSuccess: "ready" };
}

function topicObservation(t: ObservedTopic | undefined) {
  return t ? { exists: true, ...t } : { exists: false };
}

function planTopic(
  d: DesiredResource & { type: "topic" },
  row: StateRow | null,
  seen: ObservedTopic | undefined,
): ResourcePlan {
  const want: TopicSettings = d.desired;
  const base = {
    ref: refOf(d),
    rowId: row?.id ?? null,
    desired: want,
    observed: topicObservation(seen),
    observedAfter: { exists: true, ...want, partitions: Math.max(want.partitions, seen?.partitions ?? 0) },
  };
  // The row belongs to an earlier system of the same name (deleted, then created again): its data must not
  // leak into the new one, so the old topic goes first and a later pass creates the new one.
  if (seen && row?.systemId && d.systemId && row.systemId !== d.systemId) {
    return {
      ...base,
      observedAfter: { exists: false },
      actions: [{ kind: "delete-topic", topic: d.key }],
      outcome: "apply",
      statusOnSuccess: "pending",
      message: `${d.key} still holds the data of an earlier system of the same name: deleting it before re-creating it`,
      followUp: true,
    };
  }
  if (!seen) {
    return changed(
      base,
      row,
      [{ kind: "create-topic", topic: d.key, settings: want }],
      `${d.key} was missing from the cluster (deleted outside Rhei); re-created`,
    );
  }
  const actions: KafkaAction[] = [];
  const differences: string[] = [];
  if (seen.partitions < want.partitions) {
    actions.push({ kind: "create-partitions", topic: d.key, count: want.partitions });
    differences.push(`${seen.partitions} partitions instead of ${want.partitions}`);
  }
  const set: Record<string, string> = {};
  for (const name of managedTopicConfigs) {
    const value = want.configs[name];
    if (value !== undefined && seen.configs[name] !== value) {
      set[name] = value;
      differences.push(`${name}=${seen.configs[name] ?? "(unset)"} instead of ${value}`);
    }
  }
  if (Object.keys(set).length > 0) actions.push({ kind: "alter-topic-configs", topic: d.key, set });
  if (actions.length === 0) return inSync(base);
  return changed(base, row, actions, `${d.key} was changed outside Rhei (${differences.join("; ")}); restored`);
}

function planCredential(
  d: DesiredResource & { type: "credential" },
  row: StateRow | null,
  exists: boolean,
): ResourcePlan {
  const base = { ref: refOf(d), rowId: row?.id ?? null, desired: d.desired, observed: { exists } };
  if (!d.desired.present) {
    const after = { ...base, observedAfter: { exists: false } };
    if (!exists) return inSync(after);
    return changed(
      after,
      row,
      [{ kind: "delete-credential", username: d.key, clientId: d.clientId }],
      `${d.key} is revoked but had a SCRAM credential on the cluster (set outside Rhei); removed`,
    );
  }
  const after = { ...base, observedAfter: { exists: true } };
  if ("derived" in d.desired) {
    // A stream app's credential can always be set again (its password is derived, not kept): a missing one is
    // restored, a new version replaces it. In sync only once a pass set this very version and it still exists.
    const held = exists && row?.status !== "pending" && row !== null && sameJson(row.desired, d.desired);
    if (held) return inSync(after);
    const action: KafkaAction = {
      kind: "set-app-credential",
      username: d.key,
      appId: d.streamAppId ?? "",
      credentialVersion: d.desired.credentialVersion,
    };
    return changed(
      after,
      row,
      [action],
      `The SCRAM credential of ${d.key} was missing from the cluster (deleted outside Rhei); restored`,
    );
  }
  if (d.pendingMaterial && d.clientId) {
    // A new or rotated secret: set it, whatever the cluster holds now (an older secret must stop working).
    return {
      ...after,
      actions: [
        { kind: "set-credential", username: d.key, clientId: d.clientId, secretVersion: d.desired.secretVersion },
      ],
      outcome: "apply",
      statusOnSuccess: "ready",
    };
  }
  if (exists && d.provisionedSecretVersion === d.desired.secretVersion) return inSync(after);
  return {
    ...base,
    observedAfter: { exists },
    actions: [],
    outcome: "error",
    statusOnSuccess: "error",
    message: exists
      ? `Rhei cannot tell whether the cluster holds the current secret of ${d.key}: rotate the secret to re-issue it`
      : `The SCRAM credential of ${d.key} is missing from the cluster (deleted outside Rhei). Rhei keeps no copy of the secret, so it cannot restore it: rotate the secret to re-issue it`,
  };
}

function planAcls(d: DesiredResource & { type: "acls" }, row: StateRow | null, seen: AclBinding[]): ResourcePlan {
  const want = [...d.desired.bindings].sort(compareAcls);
  const have = [...seen].sort(compareAcls);
  const haveKeys = new Set(have.map(aclKey));
  const wantKeys = new Set(want.map(aclKey));
  const missing = want.filter((b) => !haveKeys.has(aclKey(b)));
  const extra = have.filter((b) => !wantKeys.has(aclKey(b)));
  const base = {
    ref: refOf(d),
    rowId: row?.id ?? null,
    desired: d.desired,
    observed: { bindings: have },
    observedAfter: { bindings: want },
  };
  const actions: KafkaAction[] = [];
  if (extra.length > 0) actions.push({ kind: "delete-acls", bindings: extra });
  if (missing.length > 0) actions.push({ kind: "create-acls", bindings: missing });
  if (actions.length === 0) return inSync(base);
  const parts = [
    missing.length > 0 && `${missing.length} missing (${missing.map(describeAcl).join(", ")})`,
    extra.length > 0 && `${extra.length} added outside Rhei (${extra.map(describeAcl).join(", ")})`,
  ].filter(Boolean);
  return changed(base, row, actions, `ACLs of ${d.key} were changed outside Rhei: ${parts.join("; ")}; restored`);
}

function planForget(row: StateRow, observed: ObservedCluster): ResourcePlan {
  const base = { ref: refOf(row), rowId: row.id, desired: null, statusOnSuccess: "forgotten" as const };
  const forget = (seen: unknown, actions: KafkaAction[], message: string): ResourcePlan => ({
    ...base,
    observed: seen,
    observedAfter: null,
    actions,
    outcome: "forget",
    message,
  });
  switch (row.type) {
    case "topic": {
      const seen = observed.topics.get(row.key);
      return forget(
        topicObservation(seen),
        seen ? [{ kind: "delete-topic", topic: row.key }] : [],
        `${row.key} belongs to a deleted ${row.streamAppId ? "stream app" : "system"}`,
      );
    }
    case "credential": {
      const exists = observed.scramUsers.has(row.key);
      return forget(
        { exists },
        exists ? [{ kind: "delete-credential", username: row.key, clientId: row.clientId }] : [],
        `${row.key} belongs to a deleted ${row.streamAppId ? "stream app" : "client"}`,
      );
    }
    case "acls": {
      const seen = aclsOf(observed, row.key);
      return forget(
        { bindings: seen },
        seen.length > 0 ? [{ kind: "delete-acls", bindings: seen }] : [],
        `${row.key} belongs to a deleted ${row.streamAppId ? "stream app" : "client"}`,
      );
    }
  }
}

function refOf(r: {
  type: ResourceType;
  key: string;
  companyId: string;
  systemId: string | null;
  clientId: string | null;
  streamAppId?: string | null;
}) {
  return {
    type: r.type,
    key: r.key,
    companyId: r.companyId,
    systemId: r.systemId,
    clientId: r.clientId,
    streamAppId: r.streamAppId ?? null,
  };
}

export function describeAcl(b: AclBinding): string {
  return `${b.permission === "deny" ? "DENY " : ""}${b.operation.toUpperCase()} ${b.resourceType} ${b.resourceName}${b.patternType === "prefixed" ? "*" : ""}`;
}
