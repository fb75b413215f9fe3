import type { z } from "zod";

// The browser's one client of Rhei's REST API (/api/v1, authenticated by the session cookie): every call goes
// through apiFetch, which parses the answer with the endpoint's schema and turns an RFC 9457 problem document
// (application/problem+json) into an ApiProblem.

/** A refused or failed API call, as the server's problem document says it. */
export class ApiProblem extends Error {
  constructor(
    message: string,
    readonly status: number,
    /** Per field (or, for an import, per path in the file): what is wrong with it. */
    readonly errors: Record<string, string[]> = {},
  ) {
    super(message);
    this.name = "ApiProblem";
  }
}

interface ProblemDocument {
  title?: unknown;
  detail?: unknown;
  errors?: unknown;
}

function isErrors(value: unknown): value is Record<string, string[]> {
  return (
    typeof value === "object" &&
    value !== null &&
    Object.values(value).every((v) => Array.isArray(v) && v.every((m) => typeof m === "string"))
  );
}

/** The problem a failed response carries; `fallback` when it carries none (a proxy's HTML page, an empty body). */
export async function problemOf(response: Response, fallback: string): Promise<ApiProblem> {
  const body = (await response.json().catch(() => null)) as ProblemDocument | null;
  const message =
    typeof body?.detail === "string" ? body.detail : typeof body?.title === "string" ? body.title : undefined;
  return new ApiProblem(
    message ?? `${fallback} (HTTP ${response.status})`,
    response.status,
    isErrors(body?.errors) ? body.errors : {},
  );
}

/**
 * Calls the API and returns its answer as `schema` parses it (never trusted as is). A non-2xx answer throws an
 * ApiProblem with the server's words; `failure` names the call for an answer without them ("Search failed").
 */
export async function apiFetch<S extends z.ZodType>(
  path: string,
  { schema, failure, ...init }: RequestInit & { schema: S; failure: string },
): Promise<z.output<S>> {
  const response = await fetch(path, { ...init, headers: { accept: "application/json", ...init.headers } });
  if (!response.ok) throw await problemOf(response, failure);
  return schema.parse(await response.json());
}
