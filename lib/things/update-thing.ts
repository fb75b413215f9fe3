import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { invalid } from "../errors";
import { parseInput } from "../validation";
import { getThing } from "./get-thing";
import { THING_RENAME_REFUSAL, type UpdateThingInput, updateThingSchema } from "./schemas";

/** Changes a thing's description or properties; its name is fixed (see THING_RENAME_REFUSAL). */
export async function updateThing({
  actor,
  thingId,
  input,
}: {
  actor: Actor;
  thingId: string;
  input: UpdateThingInput;
}) {
  const before = await getThing({ actor, thingId, action: "metadata.write" });
  const { name, ...data } = parseInput(updateThingSchema, input);
  if (name !== undefined && name !== before.name) throw invalid(THING_RENAME_REFUSAL, { name: [THING_RENAME_REFUSAL] });
  return db.$transaction(async (tx) => {
    const updated = await tx.thing.update({ where: { id: thingId }, data });
    await recordAuditEvent(tx, actor, {
      companyId: before.system.companyId,
      action: "thing.update",
      target: { type: "thing", id: thingId, label: `${before.system.name}.${before.name}` },
      before: { description: before.description, properties: before.properties },
      after: { description: updated.description, properties: updated.properties },
    });
    return updated;
  });
}
