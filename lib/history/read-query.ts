import "server-only";
import { consoleKafkaConfig } from "../kafka/console-connection";
import type { HistoryQuery } from "./history-query";
import { historyCatalog, latenessMarginMs, reportRejection } from "./history-settings";
import { type ReadTraceOptions, readTrace } from "./read-trace";
import type { TraceDatastream, TraceRecord } from "./trace-datastream";
import { passesValueRange } from "./value-filter";

/**
 * readTrace for a query, as the console reads: its own principal, the shared catalog, the configured margin, the
 * query's value filters, rejections reported. The window defaults to the query's range.
 */
export function readQuery(
  q: HistoryQuery,
  options: Partial<
    Pick<ReadTraceOptions, "from" | "to" | "after" | "before" | "floors" | "signal" | "onProgress" | "maxPlanned">
  > & {
    datastreams?: readonly TraceDatastream[];
    /** Leave the value filters out (charts and aggregates of a datastream see all its values). */
    unfiltered?: boolean;
  } = {},
) {
  const filters = options.unfiltered ? new Map() : q.filters;
  return readTrace({
    kafka: consoleKafkaConfig({ clientId: "rhei-history" }),
    datastreams: options.datastreams ?? q.datastreams,
    from: options.from ?? q.range.from,
    to: options.to ?? q.range.to,
    after: options.after,
    before: options.before,
    floors: options.floors,
    marginMs: latenessMarginMs(),
    catalog: historyCatalog(),
    onRejected: reportRejection,
    accept: filters.size > 0 ? (r: TraceRecord) => passesValueRange(r.result, filters.get(r.datastreamId)) : undefined,
    signal: options.signal,
    onProgress: options.onProgress,
    maxPlanned: options.maxPlanned,
  });
}
