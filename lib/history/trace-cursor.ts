// Keyset cursors for paging through a merged trace. A cursor is the TraceKey of the last record shown (or the
// first, paging back) plus the direction: the next page is every record after that key in the total order, so
// pages never skip or repeat a record however many arrive in between. It carries a hash of the query it belongs
// to and is signed (HMAC-SHA-256), so a tampered cursor, or one from another query or server, is refused.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { canonicalJson, compareCodeUnits } from "@/lib/canonical-json";
import { AppError } from "@/lib/errors";
import { compareTraceKeys, type TraceKey } from "./merge-by-time";

export type CursorDirection = "next" | "prev";
/**
 * Where a page starts: after (next) or before (prev) `key`, strictly unless `inclusive`. Inclusive positions come
 * from empty pages: going back from an empty page after X must show X again, so its previous page is "up to and
 * including X" (and the next page of an empty page before X starts at X).
 */
export type CursorPosition = { direction: CursorDirection; key: TraceKey; inclusive?: true };
export type TraceCursor = CursorPosition & { queryHash: string };
/** What a trace shows: with a relative range, pin the resolved from/to on the first page and send those. */
export type TraceQuery = { datastreamIds: readonly string[]; from: number; to: number; filter?: unknown };

/** A cursor that can't be used: a validation error for the API, telling the client to start over. */
export class InvalidCursorError extends AppError {
  constructor(reason: string) {
    super("validation", `Invalid cursor: ${reason}; load the first page again`);
    this.name = "InvalidCursorError";
  }
}

const VERSION = 1;
const MAC_CONTEXT = "rhei.trace-cursor.v1."; // keeps these MACs distinct from others made with the same key
const MAX_CURSOR_LENGTH = 4096;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

const wireSchema = z.object({
  v: z.literal(VERSION),
  d: z.enum(["n", "p"]),
  k: z.tuple([
    z.number(),
    z.string().max(1000),
    z.string().max(1000),
    z.number().int().min(0),
    z.string().regex(/^(0|[1-9][0-9]{0,19})$/),
  ]),
  q: z.string().max(100),
  i: z.literal(1).optional(),
});

/** A short digest of the query: datastream ids as a set (order and repeats don't matter), range and filter. */
export function queryHash(query: TraceQuery): string {
  const datastreamIds = [...new Set(query.datastreamIds)].sort(compareCodeUnits);
  const text = canonicalJson({ datastreamIds, from: query.from, to: query.to, filter: query.filter ?? null });
  return createHash("sha256").update(text).digest("base64url").slice(0, 22); // 132 bits
}

function checkedKey(signingKey: string | Uint8Array): string | Uint8Array {
  const bytes = typeof signingKey === "string" ? Buffer.byteLength(signingKey) : signingKey.byteLength;
  if (bytes < 32) throw new Error("The cursor signing key must be at least 32 bytes");
  return signingKey;
}

const mac = (body: string, signingKey: string | Uint8Array) =>
  createHmac("sha256", checkedKey(signingKey)).update(MAC_CONTEXT).update(body).digest("base64url");

/** The cursor as `<base64url JSON>.<base64url HMAC>`, URL-safe as it is. */
export function encodeCursor(cursor: TraceCursor, signingKey: string | Uint8Array): string {
  const { time, name, topic, partition, offset } = cursor.key;
  const wire = {
    v: VERSION,
    d: cursor.direction === "next" ? "n" : "p",
    k: [time, name, topic, partition, offset],
    q: cursor.queryHash,
    ...(cursor.inclusive ? { i: 1 } : {}),
  };
  const body = Buffer.from(JSON.stringify(wire)).toString("base64url");
  return `${body}.${mac(body, signingKey)}`;
}

/** Checks signature, shape and query; throws InvalidCursorError saying which failed. */
export function decodeCursor(text: unknown, signingKey: string | Uint8Array, expectedQueryHash: string): TraceCursor {
  if (typeof text !== "string" || text.length === 0) throw new InvalidCursorError("it is empty or not text");
  if (text.length > MAX_CURSOR_LENGTH) throw new InvalidCursorError("it is too long");
  const parts = text.split(".");
  const [body, signature] = parts;
  if (parts.length !== 2 || body === undefined || signature === undefined || !BASE64URL.test(body)) {
    throw new InvalidCursorError("it is not a cursor this server issued");
  }
  const expected = Buffer.from(mac(body, signingKey));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new InvalidCursorError("its signature doesn't match (it was altered or comes from elsewhere)");
  }
  let wire: z.infer<typeof wireSchema>;
  try {
    wire = wireSchema.parse(JSON.parse(Buffer.from(body, "base64url").toString("utf8")));
  } catch {
    throw new InvalidCursorError("its content isn't understood (an older or newer format)");
  }
  if (wire.q !== expectedQueryHash) {
    throw new InvalidCursorError("it belongs to a different query (datastreams, range or filter changed)");
  }
  const [time, name, topic, partition, offset] = wire.k;
  return {
    direction: wire.d === "n" ? "next" : "prev",
    key: { time, name, topic, partition, offset },
    queryHash: wire.q,
    ...(wire.i === 1 ? { inclusive: true as const } : {}),
  };
}

/** The first index whose key is > (or ≥, when `inclusive`) `key` in sorted keys. */
function searchAfter(sorted: readonly TraceKey[], key: TraceKey, inclusive: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = compareTraceKeys(sorted[mid] as TraceKey, key);
    if (c < 0 || (c === 0 && !inclusive)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Just the key fields of a record (cursors must not carry its payload). */
function keyOf(record: TraceKey | undefined): TraceKey | undefined {
  if (record === undefined) return undefined;
  const { time, name, topic, partition, offset } = record;
  return { time, name, topic, partition, offset };
}

export type KeysetPage<K> = { items: K[]; next: CursorPosition | null; previous: CursorPosition | null };

/**
 * The neighbours of a page read from `position`: after its last item and before its first; an empty page's
 * neighbour on the far side is the inclusive opposite of `position` itself (see CursorPosition), so nothing the
 * user saw before the empty page is skipped on the way back. Whether a neighbour exists is the caller's to say.
 */
export function neighbours(
  items: readonly TraceKey[],
  position: CursorPosition | null,
): { next: CursorPosition | null; previous: CursorPosition | null } {
  const first = keyOf(items[0]);
  const last = keyOf(items.at(-1));
  if (first !== undefined && last !== undefined) {
    return { next: { direction: "next", key: last }, previous: { direction: "prev", key: first } };
  }
  if (position === null) return { next: null, previous: null };
  const opposite: CursorPosition = {
    direction: position.direction === "next" ? "prev" : "next",
    key: position.key,
    ...(position.inclusive ? {} : { inclusive: true as const }),
  };
  return position.direction === "next" ? { next: null, previous: opposite } : { next: opposite, previous: null };
}

/**
 * Keyset paging over keys sorted by compareTraceKeys (and unique: the key includes topic, partition, offset):
 * the page after or before `position` (the first page for null), in ascending order, with the positions of
 * the neighbouring pages, null where nothing lies beyond at the moment. What a query over Kafka does with
 * `WHERE key > cursor ORDER BY key LIMIT size`, or `key < cursor ORDER BY key DESC LIMIT size` reversed.
 */
export function pageAfter<K extends TraceKey>(
  sorted: readonly K[],
  position: CursorPosition | null,
  size: number,
): KeysetPage<K> {
  if (!Number.isSafeInteger(size) || size < 1) throw new RangeError(`size must be an integer ≥ 1, got ${size}`);
  let lo: number;
  let hi: number;
  if (position === null) {
    lo = 0;
    hi = Math.min(size, sorted.length);
  } else if (position.direction === "next") {
    lo = searchAfter(sorted, position.key, position.inclusive === true);
    hi = Math.min(lo + size, sorted.length);
  } else {
    hi = searchAfter(sorted, position.key, position.inclusive !== true);
    lo = Math.max(0, hi - size);
  }
  const items = sorted.slice(lo, hi);
  const around = neighbours(items, position);
  return {
    items,
    next: hi < sorted.length ? around.next : null,
    previous: lo > 0 ? around.previous : null,
  };
}
