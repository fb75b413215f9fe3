import "server-only";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { clientSecretMatches } from "./client-secret";

/** The client application behind a principal and secret (HTTP Basic on the API), or null; revoked clients fail. */
export async function authenticateClient(principal: string, secret: string): Promise<Actor | null> {
  const client = await db.client.findUnique({
    where: { principal },
    select: {
      id: true,
      principal: true,
      status: true,
      secretHash: true,
      systemId: true,
      system: { select: { companyId: true } },
    },
  });
  if (client?.status !== "active" || !clientSecretMatches(secret, client.secretHash)) return null;
  return {
    type: "client",
    clientId: client.id,
    systemId: client.systemId,
    companyId: client.system.companyId,
    label: client.principal,
  };
}
