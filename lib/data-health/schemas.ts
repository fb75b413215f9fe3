import { z } from "zod";

export const healthStates = ["silent", "never", "reporting", "all"] as const;

/** The company health page's list: which datastreams (by how they report), paged. */
export const companyHealthQuerySchema = z
  .object({
    state: z.enum(healthStates, "silent, never, reporting or all").default("silent"),
    page: z.coerce.number().int().min(1, "page starts at 1").max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200, "at most 200 rows a page").default(25),
  })
  .strict();
export type CompanyHealthQuery = z.infer<typeof companyHealthQuerySchema>;
