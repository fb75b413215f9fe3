import { getDatastreamLineageEndpoint } from "@/lib/api/endpoints/stream-apps";
import { handle } from "@/lib/api/handle";
import { getDatastreamLineage } from "@/lib/stream-apps/get-lineage";

// GET /api/v1/datastreams/{datastreamId}/lineage: the apps reading the datastream, and what feeds a join's output.
export const GET = handle(getDatastreamLineageEndpoint, ({ actor, params }) =>
  getDatastreamLineage({ actor, datastreamId: params.datastreamId }),
);
