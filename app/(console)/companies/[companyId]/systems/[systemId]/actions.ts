"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/run-action";
import { requireActor } from "@/lib/auth/session";
import { deleteSystem } from "@/lib/systems/delete-system";
import type { UpdateSystemInput } from "@/lib/systems/schemas";
import { updateSystem } from "@/lib/systems/update-system";
import { companyPath, systemPath } from "@/lib/ui/console-paths";

export async function updateSystemAction(companyId: string, systemId: string, input: UpdateSystemInput) {
  return runAction(async () => {
    const system = await updateSystem({ actor: await requireActor(), systemId, input });
    revalidatePath(systemPath(companyId, systemId), "layout");
    return { description: system.description, retentionDays: system.retentionDays, partitions: system.partitions };
  });
}

export async function deleteSystemAction(companyId: string, systemId: string) {
  return runAction(async () => {
    const deleted = await deleteSystem({ actor: await requireActor(), systemId });
    revalidatePath(companyPath(companyId));
    return deleted;
  });
}
