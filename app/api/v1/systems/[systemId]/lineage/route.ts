import { getSystemLineageEndpoint } from "@/lib/api/endpoints/stream-apps";
import { handle } from "@/lib/api/handle";
import { getSystemLineage } from "@/lib/stream-apps/get-lineage";

// GET /api/v1/systems/{systemId}/lineage: the apps writing into the system and the apps reading it.
export const GET = handle(getSystemLineageEndpoint, ({ actor, params }) =>
  getSystemLineage({ actor, systemId: params.systemId }),
);
