import { exportRecordsEndpoint } from "@/lib/api/endpoints/history";
import { handle } from "@/lib/api/handle";
import { exportRecords } from "@/lib/history/export-records";

// GET /api/v1/companies/{companyId}/history/export: exactly the selected records as a streamed file (audited).
export const GET = handle(exportRecordsEndpoint, async ({ actor, params, query, request }) => {
  const { stream, filename, contentType } = await exportRecords({
    actor,
    companyId: params.companyId,
    query,
    signal: request.signal,
  });
  return new Response(stream, {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
