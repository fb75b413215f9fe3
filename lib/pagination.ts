import { z } from "zod";

export const PAGE_SIZES = [10, 25, 50, 100] as const;

/**
 * The query every list accepts, in pages, the REST API and URLs alike: page (1-based), pageSize, sort (one of the
 * list's sortable columns), order, and q (a case-insensitive substring filter). Unknown parameters are refused.
 */
export function listQuerySchema<const S extends readonly [string, ...string[]]>(sortable: S, defaultSort: S[number]) {
  return z
    .object({
      page: z.coerce.number().int().min(1, "page starts at 1").max(100_000).default(1),
      pageSize: z.coerce.number().int().min(1).max(200, "at most 200 rows a page").default(25),
      sort: z.enum(sortable).default(defaultSort),
      order: z.enum(["asc", "desc"]).default("asc"),
      q: z.string().trim().max(200).optional(),
    })
    .strict();
}

export type ListQuery<S extends string = string> = {
  page: number;
  pageSize: number;
  sort: S;
  order: "asc" | "desc";
  q?: string;
};

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

export function pageOf<T>(items: T[], total: number, query: ListQuery): Page<T> {
  return {
    items,
    total,
    page: query.page,
    pageSize: query.pageSize,
    pageCount: Math.max(1, Math.ceil(total / query.pageSize)),
  };
}

export function skipTake(query: ListQuery): { skip: number; take: number } {
  return { skip: (query.page - 1) * query.pageSize, take: query.pageSize };
}
