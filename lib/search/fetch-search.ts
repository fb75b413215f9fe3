import { apiFetch } from "../ui/api-fetch";
import { type SearchResult, searchResultSchema } from "./schemas";

/** GET /api/v1/search from the browser (the session cookie authenticates it); the response is parsed, not trusted. */
export async function fetchSearch(q: string, signal?: AbortSignal): Promise<SearchResult> {
  return apiFetch(`/api/v1/search?${new URLSearchParams({ q })}`, {
    signal,
    schema: searchResultSchema,
    failure: "Search failed",
  });
}
