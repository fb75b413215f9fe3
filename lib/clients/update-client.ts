import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { parseInput } from "../validation";
import { getClient } from "./get-client";
import { type UpdateClientInput, updateClientSchema } from "./schemas";

export async function updateClient({
  actor,
  clientId,
  input,
}: {
  actor: Actor;
  clientId: string;
  input: UpdateClientInput;
}) {
  const before = await getClient({ actor, clientId, action: "client.update" });
  const data = parseInput(updateClientSchema, input);
  return db.$transaction(async (tx) => {
    const updated = await tx.client.update({ where: { id: clientId }, data });
    await recordAuditEvent(tx, actor, {
      companyId: before.system.companyId,
      action: "client.update",
      target: { type: "client", id: clientId, label: before.principal },
      before: { description: before.description },
      after: { description: updated.description },
    });
    return updated;
  });
}
