import { clientView, deleteClientEndpoint, getClientEndpoint, updateClientEndpoint } from "@/lib/api/endpoints/clients";
import { handle } from "@/lib/api/handle";
import { deleteClient } from "@/lib/clients/delete-client";
import { getClient } from "@/lib/clients/get-client";
import { updateClient } from "@/lib/clients/update-client";

// GET /api/v1/clients/{clientId}: one client application (never its secret or hash).
export const GET = handle(getClientEndpoint, async ({ actor, params }) =>
  clientView(await getClient({ actor, clientId: params.clientId })),
);

// PATCH /api/v1/clients/{clientId}: change the description (admins).
export const PATCH = handle(updateClientEndpoint, async ({ actor, params, body }) =>
  clientView(await updateClient({ actor, clientId: params.clientId, input: body })),
);

// DELETE /api/v1/clients/{clientId}: delete a client; its Kafka credential and ACLs go with it (admins).
export const DELETE = handle(deleteClientEndpoint, ({ actor, params }) =>
  deleteClient({ actor, clientId: params.clientId }),
);
