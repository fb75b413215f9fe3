"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/run-action";
import { requireActor } from "@/lib/auth/session";
import { createSensor } from "@/lib/sensors/create-sensor";
import { deleteSensor } from "@/lib/sensors/delete-sensor";
import type { CreateSensorInput, UpdateSensorInput } from "@/lib/sensors/schemas";
import { updateSensor } from "@/lib/sensors/update-sensor";
import { systemPath } from "@/lib/ui/console-paths";

// Datastream pages name their sensor: refresh everything below the system.

export async function createSensorAction(companyId: string, systemId: string, input: CreateSensorInput) {
  return runAction(async () => {
    const sensor = await createSensor({ actor: await requireActor(), systemId, input });
    revalidatePath(systemPath(companyId, systemId), "layout");
    return { id: sensor.id, name: sensor.name };
  });
}

export async function updateSensorAction(
  companyId: string,
  systemId: string,
  sensorId: string,
  input: UpdateSensorInput,
) {
  return runAction(async () => {
    const sensor = await updateSensor({ actor: await requireActor(), sensorId, input });
    revalidatePath(systemPath(companyId, systemId), "layout");
    return { id: sensor.id, name: sensor.name };
  });
}

export async function deleteSensorAction(companyId: string, systemId: string, sensorId: string) {
  return runAction(async () => {
    const deleted = await deleteSensor({ actor: await requireActor(), sensorId });
    revalidatePath(systemPath(companyId, systemId), "layout");
    return deleted;
  });
}
