import "server-only";
import { EventEmitter } from "node:events";

// Domain operations call requestReconcile() after a change commits; the reconciler (started by server.ts) listens.
// Only a nudge: the reconciler reads the whole desired state from PostgreSQL, so a lost nudge costs at most one
// period, and many nudges in a burst collapse into one pass.
// On globalThis: server actions run in Next.js's bundle, the reconciler in server.ts's module graph, one process.
const globalForBus = globalThis as unknown as { rheiReconcileBus?: EventEmitter };
globalForBus.rheiReconcileBus ??= new EventEmitter();
const bus = globalForBus.rheiReconcileBus;

export type ReconcileReason = { companyId: string; what: string };

export function requestReconcile(reason: ReconcileReason): void {
  bus.emit("reconcile", reason);
}

export function onReconcileRequest(listener: (reason: ReconcileReason) => void): () => void {
  bus.on("reconcile", listener);
  return () => bus.off("reconcile", listener);
}
