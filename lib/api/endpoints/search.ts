import { searchQuerySchema, searchResultSchema } from "../../search/schemas";
import { defineEndpoint } from "../define-endpoint";

export const searchEndpoint = defineEndpoint({
  method: "GET",
  path: "/search",
  operationId: "search",
  summary: "Search companies, systems, clients, things and datastreams by name, as you type",
  description:
    "Matches names case-insensitively: exact and prefix matches first, then names containing the text. Only what " +
    "the caller may see is searched: their companies, and clients only where their role may read clients.",
  tags: ["Search"],
  auth: ["session", "token"],
  query: searchQuerySchema,
  response: searchResultSchema,
});
