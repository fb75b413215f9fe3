"use server";
import { runAction } from "@/lib/actions/run-action";
import { requireActor } from "@/lib/auth/session";
import { reconcileNow } from "@/lib/provisioning/reconcile-now";

export async function reconcileNowAction(companyId: string) {
  return runAction(async () => reconcileNow({ actor: await requireActor(), companyId }));
}
