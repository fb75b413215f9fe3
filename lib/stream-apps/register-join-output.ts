import "server-only";
import type { Actor } from "../authz/actor";
import { createDatastream } from "../datastreams/create-datastream";
import { datastreamFullName } from "../datastreams/schemas";
import { db } from "../db/client";
import { invalid } from "../errors";
import { createThing } from "../things/create-thing";
import type { JoinSpec } from "./join-spec";

/**
 * The join's output datastream in the target system, registered like any datastream (its thing too, when new) by
 * the metadata operations, so it has a type, a unit, lineage and shows in the catalog. One that exists already is
 * reused if its type is the declared one, and refused otherwise (naming the field).
 */
export async function registerJoinOutput({
  actor,
  system,
  output,
}: {
  actor: Actor;
  system: { id: string; name: string };
  output: JoinSpec["output"];
}): Promise<string> {
  const fullName = datastreamFullName(system.name, output.thing, output.datastream);
  const existing = await db.datastream.findUnique({
    where: { fullName },
    select: { id: true, observationType: true },
  });
  if (existing) {
    if (existing.observationType !== output.observationType) {
      throw invalid(
        `The output datastream ${fullName} exists already as a ${existing.observationType}: declare that type or another name`,
        { "spec.output.observationType": [`${fullName} is a ${existing.observationType}`] },
      );
    }
    return existing.id;
  }
  const thing =
    (await db.thing.findFirst({ where: { systemId: system.id, name: output.thing }, select: { id: true } })) ??
    (await createThing({
      actor,
      systemId: system.id,
      input: { name: output.thing, description: "Output of a join app" },
    }));
  const created = await createDatastream({
    actor,
    systemId: system.id,
    input: {
      thingId: thing.id,
      name: output.datastream,
      description: "Written by a join app",
      observationType: output.observationType,
      unit: output.unit,
    },
  });
  return created.id;
}
