import { clientView, rotateClientSecretEndpoint } from "@/lib/api/endpoints/clients";
import { handle } from "@/lib/api/handle";
import { getClient } from "@/lib/clients/get-client";
import { rotateClientSecret } from "@/lib/clients/rotate-client-secret";
import { sdkConfig } from "@/lib/clients/sdk-config";
import { sdkConnection } from "@/lib/clients/sdk-connection";

// POST /api/v1/clients/{clientId}/rotate: a new secret (admins), in this response only; re-issues a revoked client.
export const POST = handle(rotateClientSecretEndpoint, async ({ actor, params }) => {
  const { client, secret } = await rotateClientSecret({ actor, clientId: params.clientId });
  const { system } = await getClient({ actor, clientId: params.clientId });
  return {
    client: clientView(client),
    secret,
    config: sdkConfig(sdkConnection(), { systemName: system.name, name: client.name }, secret),
  };
});
