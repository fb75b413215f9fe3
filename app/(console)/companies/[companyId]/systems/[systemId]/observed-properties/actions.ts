"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/run-action";
import { requireActor } from "@/lib/auth/session";
import { createObservedProperty } from "@/lib/observed-properties/create-observed-property";
import { deleteObservedProperty } from "@/lib/observed-properties/delete-observed-property";
import type { CreateObservedPropertyInput, UpdateObservedPropertyInput } from "@/lib/observed-properties/schemas";
import { updateObservedProperty } from "@/lib/observed-properties/update-observed-property";
import { systemPath } from "@/lib/ui/console-paths";

// Datastream pages name their observed property: refresh everything below the system.

export async function createObservedPropertyAction(
  companyId: string,
  systemId: string,
  input: CreateObservedPropertyInput,
) {
  return runAction(async () => {
    const property = await createObservedProperty({ actor: await requireActor(), systemId, input });
    revalidatePath(systemPath(companyId, systemId), "layout");
    return { id: property.id, name: property.name };
  });
}

export async function updateObservedPropertyAction(
  companyId: string,
  systemId: string,
  observedPropertyId: string,
  input: UpdateObservedPropertyInput,
) {
  return runAction(async () => {
    const property = await updateObservedProperty({ actor: await requireActor(), observedPropertyId, input });
    revalidatePath(systemPath(companyId, systemId), "layout");
    return { id: property.id, name: property.name };
  });
}

export async function deleteObservedPropertyAction(companyId: string, systemId: string, observedPropertyId: string) {
  return runAction(async () => {
    const deleted = await deleteObservedProperty({ actor: await requireActor(), observedPropertyId });
    revalidatePath(systemPath(companyId, systemId), "layout");
    return deleted;
  });
}
