import "server-only";
import type { Actor } from "../authz/actor";
import { getDatastream } from "../datastreams/get-datastream";
import { db } from "../db/client";

/** A datastream's alarm rules, each with whether its alarm is open. */
export async function listAlarmRules({ actor, datastreamId }: { actor: Actor; datastreamId: string }) {
  await getDatastream({ actor, datastreamId, action: "data.read" });
  const rules = await db.alarmRule.findMany({
    where: { datastreamId },
    orderBy: { createdAt: "asc" },
    include: { alarms: { where: { state: "open" }, select: { id: true, raisedAt: true }, take: 1 } },
  });
  return rules.map(({ alarms, ...r }) => ({ ...r, open: alarms[0] ?? null }));
}
