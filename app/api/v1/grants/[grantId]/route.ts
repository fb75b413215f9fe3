import { getGrantEndpoint } from "@/lib/api/endpoints/grants";
import { handle } from "@/lib/api/handle";
import { getGrant } from "@/lib/grants/get-grant";

// GET /api/v1/grants/{grantId}: the grant as either side sees it.
export const GET = handle(getGrantEndpoint, ({ actor, params }) => getGrant({ actor, grantId: params.grantId }));
