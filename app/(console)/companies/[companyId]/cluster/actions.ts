"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/run-action";
import { requireActor } from "@/lib/auth/session";
import { previewGroupOffsetReset, resetGroupOffsets } from "@/lib/cluster/reset-group-offsets";
import type { OffsetResetInput } from "@/lib/cluster/schemas";
import { companyPath } from "@/lib/ui/console-paths";

export async function previewOffsetResetAction(companyId: string, input: OffsetResetInput) {
  return runAction(async () => previewGroupOffsetReset({ actor: await requireActor(), companyId, input }));
}

export async function resetOffsetsAction(companyId: string, input: OffsetResetInput) {
  return runAction(async () => {
    const result = await resetGroupOffsets({ actor: await requireActor(), companyId, input });
    revalidatePath(companyPath(companyId, "cluster"));
    return result;
  });
}
