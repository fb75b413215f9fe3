"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/run-action";
import { acknowledgeAlarm } from "@/lib/alarms/acknowledge-alarm";
import { requireActor } from "@/lib/auth/session";
import { companyPath } from "@/lib/ui/console-paths";

export async function acknowledgeAlarmAction(companyId: string, alarmId: string) {
  return runAction(async () => {
    const alarm = await acknowledgeAlarm({ actor: await requireActor(), alarmId });
    revalidatePath(companyPath(companyId, "alarms"));
    return { message: alarm.message };
  });
}
