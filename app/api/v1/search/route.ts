import { searchEndpoint } from "@/lib/api/endpoints/search";
import { handle } from "@/lib/api/handle";
import { searchEverything } from "@/lib/search/search-everything";

// GET /api/v1/search?q=: what the caller may see whose name matches, grouped by kind (the header's search box).
export const GET = handle(searchEndpoint, ({ actor, query }) => searchEverything({ actor, query }));
