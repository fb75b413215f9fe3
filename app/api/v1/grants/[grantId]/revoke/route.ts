import { revokeGrantEndpoint } from "@/lib/api/endpoints/grants";
import { handle } from "@/lib/api/handle";
import { revokeGrant } from "@/lib/grants/revoke-grant";

// POST /api/v1/grants/{grantId}/revoke: revoke a grant from either side.
export const POST = handle(revokeGrantEndpoint, ({ actor, params }) => revokeGrant({ actor, grantId: params.grantId }));
