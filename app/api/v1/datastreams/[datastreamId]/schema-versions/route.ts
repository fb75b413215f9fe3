import { listSchemaVersionsEndpoint, unitView } from "@/lib/api/endpoints/datastreams";
import { handle } from "@/lib/api/handle";
import { listDatastreamSchemaVersions } from "@/lib/datastreams/list-datastream-schema-versions";

// GET /api/v1/datastreams/{datastreamId}/schema-versions: every schema version, oldest first, the last current.
export const GET = handle(listSchemaVersionsEndpoint, async ({ actor, params }) => {
  const versions = await listDatastreamSchemaVersions({ actor, datastreamId: params.datastreamId });
  const current = versions.at(-1)?.version;
  return { items: versions.map((v) => ({ ...unitView(v), current: v.version === current })) };
});
