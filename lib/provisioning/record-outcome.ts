import "server-only";
import { type AuditEntry, recordAuditEvents } from "../audit/record-audit-event";
import { systemActor } from "../authz/actor";
import { db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import type { KafkaError } from "../kafka/errors";
import { sameJson } from "../stable-json";
import type { ActionResults } from "./apply-plan";
import { describeAcl } from "./plan";
import type { FullStateRow } from "./state-rows";
import type { KafkaAction, ProvisioningStatus, ResourcePlan } from "./types";

const actor = systemActor("provisioning");

export interface PlanOutcome {
  plan: ResourcePlan;
  status: ProvisioningStatus | "forgotten";
  error: KafkaError | null;
}

/** The status each resource ends in, given what its actions did. */
export function outcomesOf(plans: ResourcePlan[], results: ActionResults): PlanOutcome[] {
  return plans.map((plan) => {
    const error = plan.actions.map((a) => results.get(a)).find((e) => e !== null && e !== undefined) ?? null;
    const unapplied = plan.actions.some((a) => !results.has(a));
    if (!error && !unapplied) return { plan, status: plan.statusOnSuccess, error: null };
    // Kafka away mid-pass: the resource is not wrong, only not done yet.
    if (error?.kind === "unavailable" || unapplied) return { plan, status: "pending", error };
    return { plan, status: "error", error };
  });
}

function auditOf(a: KafkaAction, plan: ResourcePlan): AuditEntry {
  const companyId = plan.ref.companyId;
  const topic = (action: string, after: unknown) => ({
    companyId,
    action,
    target: { type: "kafka-topic", id: plan.rowId ?? undefined, label: plan.ref.key },
    before: plan.observed,
    after,
  });
  const principal = (type: string, action: string, after: unknown) => ({
    companyId,
    action,
    target: { type, id: plan.rowId ?? undefined, label: plan.ref.key },
    after,
  });
  switch (a.kind) {
    case "create-topic":
      return topic("provisioning.topic.create", a.settings);
    case "delete-topic":
      return topic("provisioning.topic.delete", { deleted: a.topic });
    case "create-partitions":
      return topic("provisioning.topic.partitions", { partitions: a.count });
    case "alter-topic-configs":
      return topic("provisioning.topic.configure", { configs: a.set });
    case "create-acls":
      return principal("kafka-acls", "provisioning.acls.create", { added: a.bindings.map(describeAcl) });
    case "delete-acls":
      return principal("kafka-acls", "provisioning.acls.delete", { removed: a.bindings.map(describeAcl) });
    case "set-credential":
      return principal("kafka-credential", "provisioning.credential.set", { secretVersion: a.secretVersion });
    case "set-app-credential":
      return principal("kafka-credential", "provisioning.credential.set", {
        streamApp: true,
        credentialVersion: a.credentialVersion,
      });
    case "delete-credential":
      return principal("kafka-credential", "provisioning.credential.delete", { removed: a.username });
  }
}

const targetType = { topic: "kafka-topic", credential: "kafka-credential", acls: "kafka-acls" } as const;

/**
 * Writes where each resource now stands, what the reconciler did (audit log, as the system actor), and what the
 * clients' rows must remember (which secret the cluster holds), in one transaction. Rows with nothing new get
 * only their lastReconciledAt touched, in one statement.
 */
export async function recordOutcome(outcomes: PlanOutcome[], rows: FullStateRow[], results: ActionResults) {
  const now = new Date();
  const rowsById = new Map(rows.map((r) => [r.id, r]));
  const audit: AuditEntry[] = [];
  const untouched: string[] = [];
  const updates: { id: string; data: Prisma.ProvisioningStateUpdateInput }[] = [];
  const deletions: string[] = [];

  for (const { plan, status, error } of outcomes) {
    const row = plan.rowId ? rowsById.get(plan.rowId) : undefined;
    for (const a of plan.actions) if (results.get(a) === null) audit.push(auditOf(a, plan));
    const message = error?.message ?? (plan.outcome === "drift" || plan.outcome === "error" ? plan.message : undefined);
    const label = { type: targetType[plan.ref.type], id: plan.rowId ?? undefined, label: plan.ref.key };
    if (plan.outcome === "drift") {
      audit.push({
        companyId: plan.ref.companyId,
        action: "provisioning.drift",
        target: label,
        after: { message: plan.message },
      });
    }
    if (status === "error" && (row?.status !== "error" || row.lastError !== message)) {
      audit.push({ companyId: plan.ref.companyId, action: "provisioning.error", target: label, after: { message } });
    }

    if (status === "forgotten") {
      if (plan.rowId) deletions.push(plan.rowId);
      continue;
    }
    const observed = error ? plan.observed : plan.observedAfter;
    const failed = status === "error" || (status === "pending" && error !== null);
    // A row that says it all already (including a standing error with the same message) is not rewritten.
    const same =
      row &&
      !error &&
      row.status === status &&
      (message === undefined || message === row.lastError) &&
      sameJson(row.observed, observed) &&
      row.companyId === plan.ref.companyId &&
      row.systemId === plan.ref.systemId &&
      row.clientId === plan.ref.clientId &&
      (row.streamAppId ?? null) === (plan.ref.streamAppId ?? null);
    if (same && plan.rowId) {
      untouched.push(plan.rowId);
      continue;
    }
    const data: Prisma.ProvisioningStateUpdateInput = {
      companyId: plan.ref.companyId,
      systemId: plan.ref.systemId,
      clientId: plan.ref.clientId,
      streamAppId: plan.ref.streamAppId ?? null,
      desired: plan.desired as Prisma.InputJsonValue,
      observed: (observed ?? undefined) as Prisma.InputJsonValue | undefined,
      status,
      lastReconciledAt: now,
      ...(message ? { lastError: message, lastErrorAt: now } : {}),
      attempts: failed ? { increment: 1 } : 0,
    };
    if (plan.rowId) updates.push({ id: plan.rowId, data });
  }

  const clientUpdates = clientChanges(outcomes, results);
  await db.$transaction(
    async (tx) => {
      for (const { id, data } of updates) await tx.provisioningState.update({ where: { id }, data });
      if (deletions.length > 0) await tx.provisioningState.deleteMany({ where: { id: { in: deletions } } });
      for (const u of clientUpdates) await tx.client.updateMany(u);
      if (untouched.length > 0) {
        await tx.provisioningState.updateMany({ where: { id: { in: untouched } }, data: { lastReconciledAt: now } });
      }
      await recordAuditEvents(tx, actor, audit);
    },
    { timeout: 120_000 },
  );
  return { auditEvents: audit.length };
}

/** What the clients' rows must remember once their credential changed on the cluster. */
function clientChanges(outcomes: PlanOutcome[], results: ActionResults): Prisma.ClientUpdateManyArgs[] {
  const out: Prisma.ClientUpdateManyArgs[] = [];
  for (const { plan } of outcomes) {
    for (const a of plan.actions) {
      if (results.get(a) !== null) continue;
      if (a.kind === "set-credential") {
        // Only if no rotation happened meanwhile: a newer secret keeps its sealed material for the next pass.
        out.push({
          where: { id: a.clientId, secretVersion: a.secretVersion },
          data: { provisionedSecretVersion: a.secretVersion, pendingCredential: null },
        });
      } else if (a.kind === "delete-credential" && a.clientId) {
        out.push({ where: { id: a.clientId, status: "revoked" }, data: { provisionedSecretVersion: null } });
      }
    }
  }
  return out;
}
