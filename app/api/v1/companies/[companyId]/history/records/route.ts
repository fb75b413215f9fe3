import { queryRecordsEndpoint } from "@/lib/api/endpoints/history";
import { handle } from "@/lib/api/handle";
import { queryTrace } from "@/lib/history/query-trace";

// GET /api/v1/companies/{companyId}/history/records: a page of a trace, in phenomenon-time order (audited).
export const GET = handle(queryRecordsEndpoint, async ({ actor, params, query, request }) =>
  queryTrace({ actor, companyId: params.companyId, query, signal: request.signal }),
);
