import { deleteSystemEndpoint, getSystemEndpoint, systemView, updateSystemEndpoint } from "@/lib/api/endpoints/systems";
import { handle } from "@/lib/api/handle";
import { deleteSystem } from "@/lib/systems/delete-system";
import { getSystem } from "@/lib/systems/get-system";
import { updateSystem } from "@/lib/systems/update-system";

// GET /api/v1/systems/{systemId}: one system with its topic names.
export const GET = handle(getSystemEndpoint, async ({ actor, params }) =>
  systemView(await getSystem({ actor, systemId: params.systemId })),
);

// PATCH /api/v1/systems/{systemId}: change description, retention or partitions (admins).
export const PATCH = handle(updateSystemEndpoint, async ({ actor, params, body }) =>
  systemView(await updateSystem({ actor, systemId: params.systemId, input: body })),
);

// DELETE /api/v1/systems/{systemId}: delete a system that has no clients (admins).
export const DELETE = handle(deleteSystemEndpoint, ({ actor, params }) =>
  deleteSystem({ actor, systemId: params.systemId }),
);
