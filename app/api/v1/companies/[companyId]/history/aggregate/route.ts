import { aggregateEndpoint } from "@/lib/api/endpoints/history";
import { handle } from "@/lib/api/handle";
import { aggregateHistory } from "@/lib/history/aggregate-history";
import { encodeAggregate } from "@/lib/history/encode-aggregate";
import { aggregateQuerySchema } from "@/lib/history/schemas";

// GET /api/v1/companies/{companyId}/history/aggregate: aggregates per interval, as JSON or a CSV/NDJSON file.
export const GET = handle(aggregateEndpoint, async ({ actor, params, query, request }) => {
  const result = await aggregateHistory({ actor, companyId: params.companyId, query, signal: request.signal });
  const { format, delimiter } = aggregateQuerySchema.parse(query);
  if (format === "json") return result;
  const name = `aggregate-${result.interval}-${result.range.from.slice(0, 19)}`.replace(/[^A-Za-z0-9._-]+/g, "_");
  return new Response(encodeAggregate(result.rows, result.datastreams, result.functions, format, delimiter), {
    headers: {
      "Content-Type":
        format === "csv" ? "text/csv; charset=utf-8; header=present" : "application/x-ndjson; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}.${format}"`,
      "Cache-Control": "no-store",
    },
  });
});
