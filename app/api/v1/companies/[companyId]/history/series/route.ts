import { chartSeriesEndpoint } from "@/lib/api/endpoints/history";
import { handle } from "@/lib/api/handle";
import { chartSeries } from "@/lib/history/chart-series";

// GET /api/v1/companies/{companyId}/history/series: a chart of a range, M4 for its pixel width.
export const GET = handle(chartSeriesEndpoint, async ({ actor, params, query, request }) =>
  chartSeries({ actor, companyId: params.companyId, query, signal: request.signal }),
);
