import { z } from "zod";
import { messagesPageSchema } from "@/lib/history/messages-schemas";
import {
  aggregateRowSchema,
  historyDatastreamSchema,
  recordsPageSchema,
  seriesSchema,
  volumeSchema,
} from "@/lib/history/schemas";
import { apiFetch } from "@/lib/ui/api-fetch";

// The browser's calls of the history API (TanStack Query runs them; their keys are in history-keys.ts). A
// selection is what every history query names: datastreams (ids or a pattern), the range, value filters.

export interface Selection {
  datastreamIds: string[];
  pattern: string;
  /** ISO-8601 instants (the browser resolves relative ranges once, so every page and chart agrees). */
  from: string;
  to: string;
  filter: string;
}

export function selectionParams(s: Selection, withFilter = true): Record<string, string> {
  return {
    ...(s.pattern ? { pattern: s.pattern } : { datastreams: s.datastreamIds.join(",") }),
    from: s.from,
    to: s.to,
    ...(withFilter && s.filter ? { filter: s.filter } : {}),
  };
}

const query = (params: Record<string, string | number | undefined>) => {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") search.set(k, String(v));
  return search.toString();
};

export const historyPath = (companyId: string, what: string, params: Record<string, string | number | undefined>) =>
  `/api/v1/companies/${encodeURIComponent(companyId)}/history/${what}?${query(params)}`;

export const fetchRecords = (
  companyId: string,
  s: Selection,
  page: { cursor?: string; at?: string; pageSize: number },
  signal?: AbortSignal,
) =>
  apiFetch(historyPath(companyId, "records", { ...selectionParams(s), ...page }), {
    schema: recordsPageSchema,
    failure: "Loading records failed",
    signal,
  });

export const fetchSeries = (companyId: string, s: Selection, width: number, signal?: AbortSignal) =>
  apiFetch(historyPath(companyId, "series", { ...selectionParams(s, false), width }), {
    schema: seriesSchema,
    failure: "Loading the chart failed",
    signal,
  });

export const fetchVolume = (companyId: string, s: Selection, buckets: number, signal?: AbortSignal) =>
  apiFetch(historyPath(companyId, "volume", { ...selectionParams(s, false), buckets }), {
    schema: volumeSchema,
    failure: "Loading the volume failed",
    signal,
  });

export const aggregateAnswerSchema = z.object({
  range: z.object({ from: z.string(), to: z.string() }),
  datastreams: z.array(historyDatastreamSchema),
  interval: z.string(),
  zone: z.string(),
  functions: z.array(z.string()),
  source: z.string(),
  rows: z.array(aggregateRowSchema),
  late: z.number(),
});

export interface AggregateOptions {
  interval: string;
  zone: string;
  functions: string[];
}

export const aggregateParams = (s: Selection, o: AggregateOptions) => ({
  ...selectionParams(s, false),
  interval: o.interval,
  zone: o.zone,
  functions: o.functions.join(","),
});

export const fetchAggregate = (companyId: string, s: Selection, o: AggregateOptions, signal?: AbortSignal) =>
  apiFetch(historyPath(companyId, "aggregate", aggregateParams(s, o)), {
    schema: aggregateAnswerSchema,
    failure: "Aggregating failed",
    signal,
  });

export const messagesPath = (systemId: string, params: Record<string, string | number | undefined>) =>
  `/api/v1/systems/${encodeURIComponent(systemId)}/messages?${query(params)}`;

export const fetchMessages = (
  systemId: string,
  params: Record<string, string | number | undefined>,
  signal?: AbortSignal,
) =>
  apiFetch(messagesPath(systemId, params), { schema: messagesPageSchema, failure: "Loading messages failed", signal });
