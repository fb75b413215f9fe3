import "server-only";
import type { Actor } from "../authz/actor";
import { invalid } from "../errors";
import { resolveTraceDatastreams } from "./resolve-trace-datastreams";
import type { HistoryDatastream } from "./schemas";
import { parseTimeRange, type TimeRange } from "./time-range";
import type { TraceDatastream } from "./trace-datastream";
import { formatValueFilters, parseValueFilters, type ValueRange } from "./value-filter";

/** What every history operation reads: authorized datastreams of one company, a resolved range, value filters. */
/** What every history operation is asked with: the query as it came (validated by the operation's own schema). */
export interface HistoryRequest {
  actor: Actor;
  companyId: string;
  query: unknown;
  now?: number;
  signal?: AbortSignal;
}

export interface HistoryQuery {
  companyId: string;
  datastreams: TraceDatastream[];
  range: TimeRange;
  filters: Map<string, ValueRange>;
  /** The filters' canonical text (cursors hash it). */
  filterText: string;
}

export interface SelectionInput {
  datastreams?: string;
  pattern?: string;
  from: string;
  to: string;
  filter?: string;
}

/**
 * Checks and resolves the part every history query shares: exactly one of `datastreams` (ids) and `pattern`, the
 * range (relative times against `now`), the datastreams (the company's, readable by the actor: else "not found"),
 * and the value filters (only on selected datastreams).
 */
export async function resolveHistoryQuery({
  actor,
  companyId,
  input,
  now,
  maxDatastreams,
}: {
  actor: Actor;
  companyId: string;
  input: SelectionInput;
  now: number;
  maxDatastreams?: number;
}): Promise<HistoryQuery> {
  const ids = input.datastreams
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const pattern = input.pattern?.trim();
  if ((ids?.length ?? 0) > 0 && pattern) {
    throw invalid("Give datastreams or a pattern, not both", { pattern: ["not with datastreams"] });
  }
  if (!ids?.length && !pattern) {
    throw invalid("Choose datastreams (ids) or a pattern", { datastreams: ["choose datastreams or a pattern"] });
  }
  const range = parseTimeRange({ from: input.from, to: input.to }, now);
  const datastreams = await resolveTraceDatastreams({
    actor,
    companyId,
    selection: ids?.length ? { datastreamIds: ids } : { pattern: pattern as string },
    max: maxDatastreams,
  });
  const parsed = parseValueFilters(input.filter, new Set(datastreams.map((d) => d.id)));
  if (!parsed.ok) throw invalid(`Invalid filter: ${parsed.message}`, { filter: [parsed.message] });
  return { companyId, datastreams, range, filters: parsed.filters, filterText: formatValueFilters(parsed.filters) };
}

/** The short label an audit event gives a query: how many datastreams, over which range. */
export function describeQuery(q: HistoryQuery): string {
  const names = q.datastreams.length === 1 ? (q.datastreams[0]?.fullName ?? "") : `${q.datastreams.length} datastreams`;
  return `${names}, ${new Date(q.range.from).toISOString()} – ${new Date(q.range.to).toISOString()}`;
}

/** What an audit event records of a query. */
export function auditedQuery(q: HistoryQuery) {
  return {
    datastreams: q.datastreams.map((d) => d.fullName),
    from: new Date(q.range.from).toISOString(),
    to: new Date(q.range.to).toISOString(),
    ...(q.filterText ? { filter: q.filterText } : {}),
  };
}

/** A datastream as history's answers describe it. */
export function describeDatastream({ id, name, fullName, observationType, unit }: TraceDatastream): HistoryDatastream {
  return { id, name, fullName, observationType, unit };
}
