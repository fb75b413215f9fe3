import { clientView, revokeClientEndpoint } from "@/lib/api/endpoints/clients";
import { handle } from "@/lib/api/handle";
import { revokeClient } from "@/lib/clients/revoke-client";

// POST /api/v1/clients/{clientId}/revoke: revoke the client's access to the API and Kafka (admins).
export const POST = handle(revokeClientEndpoint, async ({ actor, params }) =>
  clientView(await revokeClient({ actor, clientId: params.clientId })),
);
