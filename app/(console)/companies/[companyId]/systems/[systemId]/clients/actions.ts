"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/run-action";
import { requireActor } from "@/lib/auth/session";
import { deleteClient } from "@/lib/clients/delete-client";
import { registerClient } from "@/lib/clients/register-client";
import { revokeClient } from "@/lib/clients/revoke-client";
import { rotateClientSecret } from "@/lib/clients/rotate-client-secret";
import type { RegisterClientInput, UpdateClientInput } from "@/lib/clients/schemas";
import type { IssuedSecret } from "@/lib/clients/sdk-config";
import { updateClient } from "@/lib/clients/update-client";
import { systemPath } from "@/lib/ui/console-paths";

// Everything below the system page shows clients (counts, lists, the client page): refresh it all.

export async function registerClientAction(companyId: string, systemId: string, input: RegisterClientInput) {
  return runAction(async (): Promise<IssuedSecret> => {
    const { client, secret } = await registerClient({ actor: await requireActor(), systemId, input });
    revalidatePath(systemPath(companyId, systemId), "layout");
    return { client: { id: client.id, name: client.name, principal: client.principal }, secret };
  });
}

export async function updateClientAction(
  companyId: string,
  systemId: string,
  clientId: string,
  input: UpdateClientInput,
) {
  return runAction(async () => {
    const client = await updateClient({ actor: await requireActor(), clientId, input });
    revalidatePath(systemPath(companyId, systemId), "layout");
    return { description: client.description };
  });
}

export async function rotateClientSecretAction(companyId: string, systemId: string, clientId: string) {
  return runAction(async (): Promise<IssuedSecret> => {
    const { client, secret } = await rotateClientSecret({ actor: await requireActor(), clientId });
    revalidatePath(systemPath(companyId, systemId), "layout");
    return { client: { id: client.id, name: client.name, principal: client.principal }, secret };
  });
}

export async function revokeClientAction(companyId: string, systemId: string, clientId: string) {
  return runAction(async () => {
    const client = await revokeClient({ actor: await requireActor(), clientId });
    revalidatePath(systemPath(companyId, systemId), "layout");
    return { principal: client.principal };
  });
}

export async function deleteClientAction(companyId: string, systemId: string, clientId: string) {
  return runAction(async () => {
    const deleted = await deleteClient({ actor: await requireActor(), clientId });
    revalidatePath(systemPath(companyId, systemId), "layout");
    return deleted;
  });
}
