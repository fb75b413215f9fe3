import { apiFetch } from "../ui/api-fetch";
import { type ImportPlanView, importPlanSchema } from "./schemas";

/** A refused import: the summary and, per path in the file, the problems (the API's problem document). */
export { ApiProblem as ImportProblem } from "../ui/api-fetch";

export type ImportFormatChoice = "auto" | "reference" | "rhei";

/** JSON files go as JSON, anything else as YAML; the server reads both and names the line of a syntax error. */
export function mediaTypeOf(text: string): string {
  return /^\s*[{[]/.test(text) ? "application/json" : "application/yaml";
}

/**
 * POST /api/v1/systems/{systemId}/metadata/import from the browser (the session cookie authenticates it), the file's
 * text as the body: the dry run's plan, or the import's. The response is parsed, not trusted.
 */
export async function postImport({
  systemId,
  text,
  format,
  dryRun,
}: {
  systemId: string;
  text: string;
  format: ImportFormatChoice;
  dryRun: boolean;
}): Promise<ImportPlanView> {
  const query = new URLSearchParams({ dryRun: String(dryRun), ...(format === "auto" ? {} : { format }) });
  return apiFetch(`/api/v1/systems/${systemId}/metadata/import?${query}`, {
    method: "POST",
    headers: { "content-type": mediaTypeOf(text) },
    body: text,
    schema: importPlanSchema,
    failure: "The import failed",
  });
}
