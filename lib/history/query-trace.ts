import "server-only";
import { invalid } from "../errors";
import { consoleKafkaConfig } from "../kafka/console-connection";
import { parseInput } from "../validation";
import { recordHistoryAccess } from "./audit-history-access";
import { countFromRollups, countTrace } from "./count-trace";
import { describeDatastream, type HistoryQuery, type HistoryRequest, resolveHistoryQuery } from "./history-query";
import { cursorSigningKey } from "./history-settings";
import { oldestRetained } from "./oldest-retained";
import { readQuery } from "./read-query";
import type { KeyBound, TraceReadStats } from "./read-trace";
import { type RecordsPage, recordsQuerySchema } from "./schemas";
import { parseTimePoint } from "./time-range";
import { type CursorPosition, decodeCursor, encodeCursor, neighbours, queryHash } from "./trace-cursor";
import type { TraceRecord } from "./trace-datastream";
import { toWireRecord } from "./wire-record";

/** The first width of the stretch a page back reads; it grows fourfold until the page is full or the range starts. */
const FIRST_BACK_WINDOW_MS = 60_000;

interface PageRead {
  items: TraceRecord[];
  /** More records lie beyond the page in its direction. */
  more: boolean;
  stats: TraceReadStats[];
}

/** The page at and after a position (or the range's start), reading one record past it to know whether more follow. */
async function readForward(q: HistoryQuery, position: CursorPosition | null, size: number, signal?: AbortSignal) {
  const after: KeyBound | undefined = position
    ? { key: position.key, inclusive: position.inclusive === true }
    : undefined;
  const { records, stats } = readQuery(q, { after, signal });
  const items: TraceRecord[] = [];
  let more = false;
  for await (const r of records) {
    if (items.length === size) {
      more = true;
      break;
    }
    items.push(r);
  }
  return { items, more, stats: [stats] } satisfies PageRead;
}

/**
 * The page before a position. Kafka reads forward only, so it reads stretches ending at the position, each four
 * times wider than the last, until one holds more than a page or reaches the range's start; it keeps the last
 * `size + 1` records of the stretch (memory stays at a page).
 */
async function readBackward(q: HistoryQuery, position: CursorPosition, size: number, signal?: AbortSignal) {
  const before: KeyBound = { key: position.key, inclusive: position.inclusive === true };
  const stats: TraceReadStats[] = [];
  for (let width = FIRST_BACK_WINDOW_MS; ; width *= 4) {
    const from = Math.max(q.range.from, position.key.time - width);
    const read = readQuery(q, { from, before, signal });
    stats.push(read.stats);
    const last: TraceRecord[] = [];
    for await (const r of read.records) {
      last.push(r);
      if (last.length > size + 1) last.shift();
    }
    if (signal?.aborted || last.length > size || from === q.range.from) {
      const more = last.length > size;
      return { items: more ? last.slice(1) : last, more, stats } satisfies PageRead;
    }
  }
}

/** A seek to a phenomenon time: the page starting there (its first record at or after it). */
function seekPosition(at: string, q: HistoryQuery, now: number): CursorPosition {
  const parsed = parseTimePoint("at", at, now);
  if (!parsed.ok) throw invalid(parsed.message, { at: [parsed.message] });
  if (parsed.t < q.range.from || parsed.t >= q.range.to) {
    throw invalid(`"at" must lie within the range`, { at: ["must lie within the range [from, to)"] });
  }
  // The smallest key at that time: "" sorts before every name.
  return {
    direction: "next",
    key: { time: parsed.t, name: "", topic: "", partition: 0, offset: "0" },
    inclusive: true,
  };
}

const sum = (stats: TraceReadStats[], field: "late" | "filtered" | "rejected") =>
  stats.reduce((n, s) => n + s[field], 0);

/**
 * A page of a trace (auditors, engineers, operators, admins: `data.read`): the records of the datastreams whose
 * phenomenon time lies in the range, in trace order, after or before a signed cursor, with the count (exact where
 * cheap, else an estimate that says so). Written to the audit log with the number of records shown.
 */
export async function queryTrace({
  actor,
  companyId,
  query,
  now = Date.now(),
  signal,
}: HistoryRequest): Promise<RecordsPage> {
  const input = parseInput(recordsQuerySchema, query ?? {});
  const q = await resolveHistoryQuery({ actor, companyId, input, now });
  const hash = queryHash({
    datastreamIds: q.datastreams.map((d) => d.id),
    from: q.range.from,
    to: q.range.to,
    filter: q.filterText || undefined,
  });
  if (input.cursor !== undefined && input.at !== undefined) {
    throw invalid('Give "cursor" or "at", not both', { at: ["not with cursor"] });
  }
  const position: CursorPosition | null =
    input.cursor !== undefined
      ? decodeCursor(input.cursor, cursorSigningKey, hash)
      : input.at !== undefined
        ? seekPosition(input.at, q, now)
        : null;
  // The count from rollups goes on beside the page's read (it never holds the first page back for long).
  const counted = countFromRollups(q, signal).catch(() => undefined);
  const read =
    position?.direction === "prev"
      ? await readBackward(q, position, input.pageSize, signal)
      : await readForward(q, position, input.pageSize, signal);
  const around = neighbours(read.items, position);
  const startsAtRange = position === null || (input.at !== undefined && position.key.time <= q.range.from);
  const next = position?.direction === "prev" ? around.next : read.more ? around.next : null;
  const previous =
    position?.direction === "prev" ? (read.more ? around.previous : null) : startsAtRange ? null : around.previous;
  const whole = position === null && !read.more;
  const [count, retention] = await Promise.all([
    counted.then((n) => countTrace({ query: q, exact: whole ? read.items.length : n, sample: read.stats })),
    position === null ? oldestRetained(consoleKafkaConfig({ clientId: "rhei-history" }), read.stats[0]) : undefined,
  ]);
  await recordHistoryAccess(actor, "history.query", q, {
    records: read.items.length,
    page: position === null ? "first" : input.at !== undefined ? "seek" : position.direction,
  });
  const sign = (p: CursorPosition | null) => (p ? encodeCursor({ ...p, queryHash: hash }, cursorSigningKey) : null);
  return {
    range: { from: new Date(q.range.from).toISOString(), to: new Date(q.range.to).toISOString() },
    datastreams: q.datastreams.map(describeDatastream),
    items: read.items.map(toWireRecord),
    next: sign(next),
    previous: sign(previous),
    count,
    skipped: {
      late: sum(read.stats, "late"),
      filtered: sum(read.stats, "filtered"),
      rejected: sum(read.stats, "rejected"),
    },
    retention: retention ?? { oldest: null, truncated: false },
    notProvisioned: read.stats[0]?.missingTopics ?? [],
  };
}
