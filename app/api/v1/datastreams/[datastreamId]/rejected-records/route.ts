import { listRejectedRecordsEndpoint } from "@/lib/api/endpoints/datastreams";
import { handle } from "@/lib/api/handle";
import { listRejectedRecords } from "@/lib/rejected-records/list-rejected-records";

// GET /api/v1/datastreams/{datastreamId}/rejected-records: the rejection count and the newest samples, a page.
export const GET = handle(listRejectedRecordsEndpoint, ({ actor, params, query }) =>
  listRejectedRecords({ actor, datastreamId: params.datastreamId, query }),
);
