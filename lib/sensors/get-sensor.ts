import "server-only";
import type { Actor } from "../authz/actor";
import { authorize } from "../authz/authorize";
import { db } from "../db/client";
import { notFound } from "../errors";
import { isId } from "../ids";

/** A sensor the actor may read (or, with action metadata.write, change), with its system and datastream count. */
export async function getSensor({
  actor,
  sensorId,
  action = "metadata.read",
}: {
  actor: Actor;
  sensorId: string;
  action?: "metadata.read" | "metadata.write";
}) {
  if (!isId(sensorId)) throw notFound("Sensor");
  const sensor = await db.sensor.findUnique({
    where: { id: sensorId },
    include: {
      system: { select: { id: true, name: true, companyId: true } },
      _count: { select: { datastreams: true } },
    },
  });
  if (!sensor) throw notFound("Sensor");
  await authorize(actor, action, { companyId: sensor.system.companyId, systemId: sensor.systemId, what: "Sensor" });
  return sensor;
}
