import "server-only";
import { db } from "../db/client";
import { KafkaAdmin } from "../kafka/admin";
import { consoleKafkaConfig } from "../kafka/console-connection";
import { kafkaErrorKind } from "../kafka/errors";
import { createLogger } from "../log";
import { applyPlan } from "./apply-plan";
import { aclSubject } from "./layout";
import { type DesiredState, loadDesiredState } from "./load-desired-state";
import { observeCluster } from "./observe-cluster";
import { planReconciliation } from "./plan";
import { withReconcileLock } from "./reconcile-lock";
import { outcomesOf, recordOutcome } from "./record-outcome";
import { ensureServicePrincipals, SERVICE_PRINCIPALS } from "./service-principals";
import { type FullStateRow, syncStateRows } from "./state-rows";
import { emptySummary } from "./summaries";
import type { KafkaAction } from "./types";
import { actionVisible, subjectsOf } from "./visible";

const log = createLogger("provisioning");

export interface ReconcileSummary {
  /** False when another console process was reconciling (it holds the lock; its pass covers this one's work). */
  ran: boolean;
  /** unreachable: the broker is away; failed: it answered with an error no resource explains (e.g. no rights). */
  kafka: "up" | "unreachable" | "failed";
  error?: string;
  resources: number;
  /** Changes sent to Kafka, and how many of them failed. */
  actions: number;
  /** Changes by kind (create-topic, set-credential, …). */
  changes?: Record<string, number>;
  failed: number;
  drift: number;
  /** Resources left in error. */
  errors: number;
  /** Admin requests of the pass, SCRAM calls included. */
  requests: { reads: number; writes: number };
  /** A later pass has work left (drift to confirm, a topic to re-create, a failure to retry). */
  followUp: boolean;
  durationMs: number;
}

/**
 * One reconciliation pass: reads what PostgreSQL wants, what the cluster holds, plans, applies, and records
 * where each resource stands. For every company, or only the given ones.
 */
export async function reconcileOnce({
  companyIds,
  brokerAway,
}: {
  companyIds?: string[];
  /**
   * Kafka was found away earlier in this pass (its summary): record why these companies' resources wait without
   * trying the broker again, so every company shows pending rather than only those that came first.
   */
  brokerAway?: Pick<ReconcileSummary, "kafka" | "error">;
} = {}): Promise<ReconcileSummary> {
  const started = performance.now();
  const locked = await withReconcileLock(() => pass(companyIds, started, brokerAway));
  if (!locked.ran) return { ...emptySummary(), ran: false, durationMs: Math.round(performance.now() - started) };
  return locked.value;
}

async function pass(
  companyIds: string[] | undefined,
  started: number,
  brokerAway: Pick<ReconcileSummary, "kafka" | "error"> | undefined,
): Promise<ReconcileSummary> {
  const { resources, materials } = await loadDesiredState(companyIds);
  const rows = await syncStateRows(companyIds, resources);
  const base = { ran: true, resources: rows.length, actions: 0, failed: 0, drift: 0, errors: 0 };
  const elapsed = () => Math.round(performance.now() - started);
  if (brokerAway && brokerAway.kafka !== "up") {
    const reason = brokerAway.error ?? "no answer";
    await markWaiting(
      rows,
      brokerAway.kafka === "unreachable" ? `Kafka is unreachable: ${reason}` : `Kafka: ${reason}`,
    );
    return { ...base, ...brokerAway, requests: { reads: 0, writes: 0 }, followUp: true, durationMs: elapsed() };
  }

  let admin: KafkaAdmin;
  try {
    // Few retries: the reconciler's own loop retries with backoff, and a pass must not hang on a dead broker.
    admin = await KafkaAdmin.connect(
      consoleKafkaConfig({ clientId: "rhei-reconciler", retries: 1, connectionTimeoutMs: 3000 }),
    );
  } catch (error) {
    await markUnreachable(rows, error);
    return unreachable(base, error, elapsed());
  }
  let work: Awaited<ReturnType<typeof talkToKafka>>;
  try {
    work = await talkToKafka(admin, resources, rows, materials);
  } catch (error) {
    // Kafka going away mid-pass fails in odd ways inside kafkajs; a failure outside a resource's own action is
    // recorded on the waiting resources and retried with backoff, never thrown at the loop.
    await markUnreachable(rows, error);
    return unreachable(base, error, elapsed(), { ...admin.requests });
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
  const { plans, results, lagging } = work;
  const outcomes = outcomesOf(plans, results);
  await recordOutcome(outcomes, rows, results);
  const summary: ReconcileSummary = {
    ...base,
    kafka: "up",
    actions: results.size,
    changes: countKinds([...results.keys()].map((a) => a.kind)),
    failed: [...results.values()].filter((e) => e !== null).length,
    drift: plans.filter((p) => p.outcome === "drift").length,
    errors: outcomes.filter((o) => o.status === "error").length,
    requests: { ...admin.requests },
    followUp: lagging > 0 || outcomes.some((o) => o.plan.followUp || o.error !== null),
    durationMs: elapsed(),
  };
  // Standing errors show in the UI; the log gets a line when the pass changed something.
  if (summary.actions > 0) log.info("reconciled", { ...summary });
  else log.debug("reconciled, nothing to do", { ...summary });
  return summary;
}

/** Observe, plan, apply, and wait until the changes show: everything of a pass that needs the broker. */
async function talkToKafka(
  admin: KafkaAdmin,
  resources: DesiredState["resources"],
  rows: FullStateRow[],
  materials: DesiredState["materials"],
) {
  const topics = [...resources, ...rows].filter((r) => r.type === "topic").map((r) => r.key);
  const usernames = [
    ...new Set([
      ...[...resources, ...rows].filter((r) => r.type !== "topic").map((r) => aclSubject(r.key).username),
      ...SERVICE_PRINCIPALS,
    ]),
  ];
  const { observed, topicConfigs } = await observeCluster(admin, { topics, usernames });
  const plans = planReconciliation({ desired: resources, rows, observed });
  const results = await applyPlan(admin, plans, { topicConfigs, materials });
  await ensureServicePrincipals(admin, observed);
  // The changes are made: a failure while checking that they show must not lose the record of them.
  const done = [...results].filter(([, e]) => e === null).map(([a]) => a);
  const lagging = await awaitVisibility(admin, done).catch(() => done.length);
  return { plans, results, lagging };
}

/**
 * Waits (bounded) until the cluster shows the changes it acknowledged; returns how many still do not show.
 * Reads only, a handful per round.
 */
async function awaitVisibility(admin: KafkaAdmin, done: KafkaAction[], timeoutMs = 20_000): Promise<number> {
  let waiting = done;
  const deadline = Date.now() + timeoutMs;
  for (let delay = 100; waiting.length > 0; delay = Math.min(delay * 2, 1000)) {
    const { observed } = await observeCluster(admin, subjectsOf(waiting));
    waiting = waiting.filter((a) => !actionVisible(a, observed));
    if (waiting.length === 0 || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, delay));
  }
  if (waiting.length > 0)
    log.warn(`${waiting.length} change(s) not yet visible on the cluster; the next pass checks again`);
  return waiting.length;
}

function countKinds(kinds: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of kinds) out[k] = (out[k] ?? 0) + 1;
  return out;
}

function unreachable(
  base: Omit<ReconcileSummary, "kafka" | "requests" | "followUp" | "durationMs">,
  error: unknown,
  durationMs: number,
  requests = { reads: 0, writes: 0 },
): ReconcileSummary {
  const message = error instanceof Error ? error.message : String(error);
  const kafka = kafkaErrorKind(error) === "unavailable" ? "unreachable" : "failed";
  log.warn(kafka === "unreachable" ? "Kafka unreachable; will retry" : "pass failed; will retry", { error: message });
  return { ...base, kafka, error: message, requests, followUp: true, durationMs };
}

/** Resources still to do say why they wait; ready ones stay ready (Kafka being away does not undo them). */
async function markUnreachable(rows: FullStateRow[], error: unknown) {
  const detail = error instanceof Error ? error.message : String(error);
  await markWaiting(
    rows,
    kafkaErrorKind(error) === "unavailable" ? `Kafka is unreachable: ${detail}` : `Kafka: ${detail}`,
  );
}

async function markWaiting(rows: FullStateRow[], message: string) {
  const waiting = rows.filter((r) => r.status !== "ready").map((r) => r.id);
  if (waiting.length === 0) return;
  await db.provisioningState.updateMany({
    where: { id: { in: waiting } },
    data: { lastError: message, lastErrorAt: new Date(), attempts: { increment: 1 } },
  });
}
