import { getSchemaVersionEndpoint, unitView } from "@/lib/api/endpoints/datastreams";
import { handle } from "@/lib/api/handle";
import { getDatastream } from "@/lib/datastreams/get-datastream";
import { getDatastreamSchemaVersion } from "@/lib/datastreams/list-datastream-schema-versions";

// GET /api/v1/datastreams/{datastreamId}/schema-versions/{version}: one schema version.
export const GET = handle(getSchemaVersionEndpoint, async ({ actor, params }) => {
  const { datastreamId, version } = params;
  const row = await getDatastreamSchemaVersion({ actor, datastreamId, version });
  const { schemaVersion } = await getDatastream({ actor, datastreamId });
  return { ...unitView(row), current: row.version === schemaVersion };
});
