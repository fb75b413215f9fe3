import { volumeEndpoint } from "@/lib/api/endpoints/history";
import { handle } from "@/lib/api/handle";
import { volumeTimeline } from "@/lib/history/volume-timeline";

// GET /api/v1/companies/{companyId}/history/volume: records per bucket over a range.
export const GET = handle(volumeEndpoint, async ({ actor, params, query, request }) =>
  volumeTimeline({ actor, companyId: params.companyId, query, signal: request.signal }),
);
