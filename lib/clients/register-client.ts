import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { conflict } from "../errors";
import { publishEvent } from "../events/publish-event";
import { getSystem } from "../systems/get-system";
import { clientPrincipal } from "../topology/principals";
import { parseInput } from "../validation";
import { issueCredential } from "./issue-credential";
import { type RegisterClientInput, registerClientSchema } from "./schemas";

/** Registers a client application; returns its secret, which is shown this once and stored only as a hash. */
export async function registerClient({
  actor,
  systemId,
  input,
}: {
  actor: Actor;
  systemId: string;
  input: RegisterClientInput;
}) {
  const system = await getSystem({ actor, systemId, action: "client.create" });
  const data = parseInput(registerClientSchema, input);
  const credential = await issueCredential();
  const client = await db.$transaction(async (tx) => {
    if (await tx.client.findUnique({ where: { systemId_name: { systemId, name: data.name } }, select: { id: true } })) {
      throw conflict(`${system.name} has a client named ${data.name} already`, {
        name: ["This name is taken in this system"],
      });
    }
    const created = await tx.client.create({
      data: {
        ...data,
        systemId,
        principal: clientPrincipal(system.name, data.name),
        secretHash: credential.secretHash,
        pendingCredential: credential.pendingCredential,
      },
    });
    await recordAuditEvent(tx, actor, {
      companyId: system.companyId,
      action: "client.register",
      target: { type: "client", id: created.id, label: created.principal },
      after: created,
    });
    await publishEvent(
      { type: "client.changed", companyId: system.companyId, systemId, clientId: created.id, change: "created" },
      tx,
    );
    return created;
  });
  return { client, secret: credential.secret };
}
