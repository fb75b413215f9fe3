import { clientView, listClientsEndpoint, registerClientEndpoint } from "@/lib/api/endpoints/clients";
import { handle } from "@/lib/api/handle";
import { listClients } from "@/lib/clients/list-clients";
import { registerClient } from "@/lib/clients/register-client";
import { sdkConfig } from "@/lib/clients/sdk-config";
import { sdkConnection } from "@/lib/clients/sdk-connection";
import { getSystem } from "@/lib/systems/get-system";

// GET /api/v1/systems/{systemId}/clients: the system's client applications.
export const GET = handle(listClientsEndpoint, async ({ actor, params, query }) => {
  const page = await listClients({ actor, systemId: params.systemId, query });
  return { ...page, items: page.items.map(clientView) };
});

// POST /api/v1/systems/{systemId}/clients: register a client (admins); the secret is in this response only.
export const POST = handle(registerClientEndpoint, async ({ actor, params, body }) => {
  const { client, secret } = await registerClient({ actor, systemId: params.systemId, input: body });
  const system = await getSystem({ actor, systemId: params.systemId });
  return {
    client: clientView(client),
    secret,
    config: sdkConfig(sdkConnection(), { systemName: system.name, name: client.name }, secret),
  };
});
