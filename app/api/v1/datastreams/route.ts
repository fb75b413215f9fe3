import { getDatastreamByFullNameEndpoint, unitView } from "@/lib/api/endpoints/datastreams";
import { handle } from "@/lib/api/handle";
import { getDatastreamByFullName } from "@/lib/datastreams/get-datastream";

// GET /api/v1/datastreams?fullName=: one datastream by its full name, the Kafka message key.
export const GET = handle(getDatastreamByFullNameEndpoint, async ({ actor, query }) =>
  unitView(await getDatastreamByFullName({ actor, fullName: query.fullName })),
);
