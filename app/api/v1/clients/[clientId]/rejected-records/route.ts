import { listClientRejectedRecordsEndpoint } from "@/lib/api/endpoints/rejected-records";
import { handle } from "@/lib/api/handle";
import { listClientRejectedRecords } from "@/lib/rejected-records/list-client-rejected-records";

// GET /api/v1/clients/{clientId}/rejected-records: what the client reported it could not use, a page.
export const GET = handle(listClientRejectedRecordsEndpoint, ({ actor, params, query }) =>
  listClientRejectedRecords({ actor, clientId: params.clientId, query }),
);
