import { importMetadataEndpoint } from "@/lib/api/endpoints/metadata";
import { handle } from "@/lib/api/handle";
import { applyImport } from "@/lib/metadata-io/apply-import";
import { planImport } from "@/lib/metadata-io/plan-import";

// POST /api/v1/systems/{systemId}/metadata/import?dryRun=: the plan of importing the body's file, or the import.
export const POST = handle(importMetadataEndpoint, async ({ actor, params, query, text }) => {
  const options = { actor, systemId: params.systemId, source: text ?? "", format: query.format };
  if (query.dryRun) return { ...(await planImport(options)), applied: false };
  return { ...(await applyImport(options)), applied: true };
});
