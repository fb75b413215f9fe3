import { z } from "zod";

// Shared by the search operation, its REST endpoint and the header's search box (which parses the response).
export const searchQuerySchema = z
  .object({
    q: z.string().trim().min(1, "Type at least one character").max(100, "At most 100 characters"),
    limit: z.coerce.number().int().min(1).max(20, "At most 20 results a kind").default(5).describe("Results per kind"),
  })
  .strict();
export type SearchQuery = z.input<typeof searchQuerySchema>;

export const searchKinds = ["company", "system", "client", "thing", "datastream"] as const;
export type SearchKind = (typeof searchKinds)[number];

export const searchHitSchema = z.object({
  kind: z.enum(searchKinds),
  id: z.uuid(),
  label: z.string(),
  detail: z.string().describe("Where it is: its company, system or full name"),
  href: z.string().describe("The console page of the object"),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchResultSchema = z.object({
  q: z.string(),
  groups: z
    .array(
      z.object({
        kind: z.enum(searchKinds),
        items: z.array(searchHitSchema),
        more: z.boolean().describe("More objects of this kind match than were returned"),
      }),
    )
    .describe("Only kinds with results, in the order company, system, client, thing, datastream"),
});
export type SearchResult = z.infer<typeof searchResultSchema>;
