import { listGrantsEndpoint } from "@/lib/api/endpoints/grants";
import { handle } from "@/lib/api/handle";
import { listGrants } from "@/lib/grants/list-grants";

// GET /api/v1/companies/{companyId}/grants: the grants the company offered and received.
export const GET = handle(listGrantsEndpoint, ({ actor, params, query }) =>
  listGrants({ actor, companyId: params.companyId, query }),
);
