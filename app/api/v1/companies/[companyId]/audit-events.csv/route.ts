import { exportAuditEventsEndpoint } from "@/lib/api/endpoints/audit";
import { handle } from "@/lib/api/handle";
import { exportAuditEventsCsv } from "@/lib/audit/export-audit-events";

// GET /api/v1/companies/{companyId}/audit-events.csv: every matching audit event as streamed CSV.
export const GET = handle(exportAuditEventsEndpoint, async ({ actor, params, query }) => {
  const { stream, filename } = await exportAuditEventsCsv({ actor, companyId: params.companyId, query });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8; header=present",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
});
