import { exportMetadataEndpoint } from "@/lib/api/endpoints/metadata";
import { handle } from "@/lib/api/handle";
import { exportMetadata } from "@/lib/metadata-io/export-metadata";

// GET /api/v1/systems/{systemId}/metadata?format=: the system's metadata as a file download.
export const GET = handle(exportMetadataEndpoint, async ({ actor, params, query }) => {
  const file = await exportMetadata({ actor, systemId: params.systemId, format: query.format });
  return new Response(file.content, {
    headers: {
      "Content-Type": `${file.contentType}; charset=utf-8`,
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "no-store",
      "X-Rhei-Export-Warnings": String(file.warnings.length),
    },
  });
});
