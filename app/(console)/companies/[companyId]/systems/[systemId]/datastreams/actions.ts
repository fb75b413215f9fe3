"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/run-action";
import { createAlarmRule } from "@/lib/alarms/create-alarm-rule";
import { deleteAlarmRule } from "@/lib/alarms/delete-alarm-rule";
import type { CreateAlarmRuleInput } from "@/lib/alarms/schemas";
import { requireActor } from "@/lib/auth/session";
import { createDatastream } from "@/lib/datastreams/create-datastream";
import { deleteDatastream } from "@/lib/datastreams/delete-datastream";
import type { CreateDatastreamInput, UpdateDatastreamInput } from "@/lib/datastreams/schemas";
import { updateDatastream } from "@/lib/datastreams/update-datastream";
import { systemObjectPath, systemPath } from "@/lib/ui/console-paths";

// Counts, lists and the pages of its thing, sensor and property show a datastream: refresh below the system.

export async function createDatastreamAction(companyId: string, systemId: string, input: CreateDatastreamInput) {
  return runAction(async () => {
    const datastream = await createDatastream({ actor: await requireActor(), systemId, input });
    revalidatePath(systemPath(companyId, systemId), "layout");
    return { id: datastream.id, fullName: datastream.fullName };
  });
}

export async function updateDatastreamAction(
  companyId: string,
  systemId: string,
  datastreamId: string,
  input: UpdateDatastreamInput,
) {
  return runAction(async () => {
    const datastream = await updateDatastream({ actor: await requireActor(), datastreamId, input });
    revalidatePath(systemPath(companyId, systemId), "layout");
    return { id: datastream.id, fullName: datastream.fullName, schemaVersion: datastream.schemaVersion };
  });
}

export async function deleteDatastreamAction(companyId: string, systemId: string, datastreamId: string) {
  return runAction(async () => {
    const deleted = await deleteDatastream({ actor: await requireActor(), datastreamId });
    revalidatePath(systemPath(companyId, systemId), "layout");
    return deleted;
  });
}

export async function createAlarmRuleAction(
  companyId: string,
  systemId: string,
  datastreamId: string,
  input: CreateAlarmRuleInput,
) {
  return runAction(async () => {
    const rule = await createAlarmRule({ actor: await requireActor(), datastreamId, input });
    revalidatePath(systemObjectPath(companyId, systemId, "datastreams", datastreamId));
    return { name: rule.name };
  });
}

export async function deleteAlarmRuleAction(companyId: string, systemId: string, datastreamId: string, ruleId: string) {
  return runAction(async () => {
    const deleted = await deleteAlarmRule({ actor: await requireActor(), ruleId });
    revalidatePath(systemObjectPath(companyId, systemId, "datastreams", datastreamId));
    return deleted;
  });
}
