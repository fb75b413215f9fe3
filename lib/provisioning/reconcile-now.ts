import "server-only";
import type { Actor } from "../authz/actor";
import { authorize } from "../authz/authorize";
import { publishEvent } from "../events/publish-event";

/**
 * Asks the reconciler for a pass over the company now. Only a nudge: the page does not wait for Kafka, and the
 * reconciler's changes are audited as its own.
 */
export async function reconcileNow({ actor, companyId }: { actor: Actor; companyId: string }) {
  await authorize(actor, "cluster.manage", { companyId, what: "Company" });
  await publishEvent({ type: "provisioning.requested", companyId });
  return { requested: true };
}
