// TanStack Query keys for search, from one factory so that invalidation can never miss a spelling.
export const searchKeys = {
  all: ["search"] as const,
  results: (q: string) => [...searchKeys.all, "results", q] as const,
};
