import "server-only";
import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import { db } from "../db/client";
import { createLogger } from "../log";

// Domain operations call requestReconcile() after a change commits; the reconciler (started by server.ts) listens.
// Only a nudge: the reconciler reads the whole desired state from PostgreSQL, so a lost nudge costs at most one
// period, and many nudges in a burst collapse into one pass.
// Two paths: an in-process event (on globalThis: server actions run in Next.js's bundle, the reconciler in
// server.ts's module graph), and PostgreSQL NOTIFY, so the console process that holds the reconciler lock hears
// changes made through any other process behind the same load balancer.
const log = createLogger("provisioning");
export const RECONCILE_CHANNEL = "rhei_reconcile";

const globalForBus = globalThis as unknown as { rheiReconcileBus?: EventEmitter; rheiProcessToken?: string };
globalForBus.rheiReconcileBus ??= new EventEmitter();
globalForBus.rheiProcessToken ??= randomUUID();
const bus = globalForBus.rheiReconcileBus;
/** Identifies this process in NOTIFY payloads, so it can ignore the echo of its own nudges. */
export const processToken = globalForBus.rheiProcessToken;

export type ReconcileReason = { companyId: string; what: string };

export function requestReconcile(reason: ReconcileReason): void {
  bus.emit("reconcile", reason);
  const payload = JSON.stringify({ ...reason, from: processToken });
  db.$executeRaw`SELECT pg_notify(${RECONCILE_CHANNEL}, ${payload})`.catch((error: unknown) => {
    log.warn("could not notify other console processes; the periodic pass will catch up", { error });
  });
}

export function onReconcileRequest(listener: (reason: ReconcileReason) => void): () => void {
  bus.on("reconcile", listener);
  return () => bus.off("reconcile", listener);
}
