import { listSystemRejectedRecordsEndpoint } from "@/lib/api/endpoints/rejected-records";
import { handle } from "@/lib/api/handle";
import { listSystemRejectedRecords } from "@/lib/rejected-records/list-system-rejected-records";

// GET /api/v1/systems/{systemId}/rejected-records: what no reader of the system's topics could use, a page.
export const GET = handle(listSystemRejectedRecordsEndpoint, ({ actor, params, query }) =>
  listSystemRejectedRecords({ actor, systemId: params.systemId, query }),
);
