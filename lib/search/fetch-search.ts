import { type SearchResult, searchResultSchema } from "./schemas";

/** GET /api/v1/search from the browser (the session cookie authenticates it); the response is parsed, not trusted. */
export async function fetchSearch(q: string, signal?: AbortSignal): Promise<SearchResult> {
  const response = await fetch(`/api/v1/search?${new URLSearchParams({ q })}`, {
    signal,
    headers: { accept: "application/json" },
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as { detail?: string } | null;
    throw new Error(problem?.detail ?? `Search failed (HTTP ${response.status})`);
  }
  return searchResultSchema.parse(await response.json());
}
