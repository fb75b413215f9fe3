"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/run-action";
import { requireActor } from "@/lib/auth/session";
import { createSystem } from "@/lib/systems/create-system";
import type { CreateSystemInput } from "@/lib/systems/schemas";
import { companyPath } from "@/lib/ui/console-paths";

export async function createSystemAction(companyId: string, input: CreateSystemInput) {
  return runAction(async () => {
    const system = await createSystem({ actor: await requireActor(), companyId, input });
    revalidatePath(companyPath(companyId));
    return { id: system.id, name: system.name };
  });
}
