"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/run-action";
import { requireActor } from "@/lib/auth/session";
import { createThing } from "@/lib/things/create-thing";
import { deleteThing } from "@/lib/things/delete-thing";
import type { CreateThingInput, UpdateThingInput } from "@/lib/things/schemas";
import { updateThing } from "@/lib/things/update-thing";
import { systemPath } from "@/lib/ui/console-paths";

// Counts, lists and detail pages below the system all show things: refresh them all.

export async function createThingAction(companyId: string, systemId: string, input: CreateThingInput) {
  return runAction(async () => {
    const thing = await createThing({ actor: await requireActor(), systemId, input });
    revalidatePath(systemPath(companyId, systemId), "layout");
    return { id: thing.id, name: thing.name };
  });
}

export async function updateThingAction(companyId: string, systemId: string, thingId: string, input: UpdateThingInput) {
  return runAction(async () => {
    const thing = await updateThing({ actor: await requireActor(), thingId, input });
    revalidatePath(systemPath(companyId, systemId), "layout");
    return { id: thing.id, name: thing.name };
  });
}

export async function deleteThingAction(companyId: string, systemId: string, thingId: string) {
  return runAction(async () => {
    const deleted = await deleteThing({ actor: await requireActor(), thingId });
    revalidatePath(systemPath(companyId, systemId), "layout");
    return deleted;
  });
}
