import type { AggregateOptions, Selection } from "./history-api";

/** TanStack Query keys of history's server data: one factory, so every cache entry is named one way. */
export const historyKeys = {
  all: ["history"] as const,
  records: (companyId: string, s: Selection, page: { cursor?: string; at?: string; pageSize: number }) =>
    ["history", companyId, "records", s, page] as const,
  series: (companyId: string, s: Selection, width: number) => ["history", companyId, "series", s, width] as const,
  volume: (companyId: string, s: Selection, buckets: number) => ["history", companyId, "volume", s, buckets] as const,
  aggregate: (companyId: string, s: Selection, o: AggregateOptions) =>
    ["history", companyId, "aggregate", s, o] as const,
  messages: (systemId: string, params: Record<string, string | number | undefined>) =>
    ["history", "messages", systemId, params] as const,
};
