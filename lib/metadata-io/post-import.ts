import { type ImportPlanView, importPlanSchema } from "./schemas";

/** A refused import as the API's problem document says it: the summary and, per path in the file, the problems. */
export class ImportProblem extends Error {
  constructor(
    message: string,
    readonly errors: Record<string, string[]> = {},
  ) {
    super(message);
    this.name = "ImportProblem";
  }
}

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
  const response = await fetch(`/api/v1/systems/${systemId}/metadata/import?${query}`, {
    method: "POST",
    headers: { "content-type": mediaTypeOf(text), accept: "application/json" },
    body: text,
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as {
      detail?: string;
      errors?: Record<string, string[]>;
    } | null;
    throw new ImportProblem(problem?.detail ?? `The import failed (HTTP ${response.status})`, problem?.errors);
  }
  return importPlanSchema.parse(await response.json());
}
