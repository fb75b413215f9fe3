import type { ProvisioningStatus } from "./types";

// The worst status wins: one resource in error makes the system or client "error".
const rank: Record<ProvisioningStatus, number> = { ready: 0, pending: 1, drift: 2, error: 3 };

/** One status for several resources; nothing recorded yet counts as pending (the reconciler has not run). */
export function overallStatus(statuses: ProvisioningStatus[], expected: number): ProvisioningStatus {
  const worst = statuses.reduce<ProvisioningStatus>((w, s) => (rank[s] > rank[w] ? s : w), "ready");
  if (statuses.length < expected && rank.pending > rank[worst]) return "pending";
  return worst;
}
