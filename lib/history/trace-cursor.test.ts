import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { compareTraceKeys, type TraceKey } from "./merge-by-time";
import {
  type CursorPosition,
  decodeCursor,
  encodeCursor,
  InvalidCursorError,
  type KeysetPage,
  pageAfter,
  queryHash,
  type TraceCursor,
} from "./trace-cursor";

const KEY = "k".repeat(32);
const OTHER_KEY = new Uint8Array(32).fill(7);
const query = { datastreamIds: ["ds-2", "ds-1"], from: 1_700_000_000_000, to: 1_700_003_600_000, filter: { q: "x" } };
const HASH = queryHash(query);
const cursor: TraceCursor = {
  direction: "next",
  key: {
    time: 1_700_000_001_000,
    name: "cz.icecars.fleet.Car1.Speed",
    topic: "cz.icecars.fleet.data",
    partition: 3,
    offset: "9223372036854775807",
  },
  queryHash: HASH,
};

const keyArb: fc.Arbitrary<TraceKey> = fc.record({
  time: fc.integer({ min: 0, max: 6 }),
  name: fc.constantFrom("a.Speed", "a.Temp", "b.Speed", "Ünïcödé ✓"),
  topic: fc.constantFrom("t1", "t2"),
  partition: fc.integer({ min: 0, max: 3 }),
  offset: fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }).map(String),
});
const uniqueSorted = (keys: TraceKey[]) =>
  keys.sort(compareTraceKeys).filter((k, i, all) => i === 0 || compareTraceKeys(all[i - 1] as TraceKey, k) !== 0);
const keySet = fc.array(keyArb, { maxLength: 60 }).map(uniqueSorted);

function decodeError(text: unknown, key: string | Uint8Array = KEY, hash = HASH): string {
  try {
    decodeCursor(text, key, hash);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidCursorError);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("validation");
    return (error as Error).message;
  }
  throw new Error("expected the cursor to be refused");
}

describe("trace cursors", () => {
  it("round-trip any key and direction, as URL-safe text", () => {
    fc.assert(
      fc.property(keyArb, fc.constantFrom("next" as const, "prev" as const), (key, direction) => {
        const text = encodeCursor({ direction, key, queryHash: HASH }, KEY);
        expect(text).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
        expect(decodeCursor(text, KEY, HASH)).toEqual({ direction, key, queryHash: HASH });
      }),
    );
  });

  it("refuses a cursor with any character changed", () => {
    const text = encodeCursor(cursor, KEY);
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
    fc.assert(
      fc.property(fc.nat({ max: text.length - 1 }), fc.nat({ max: alphabet.length - 1 }), (at, c) => {
        const replacement = alphabet[c] as string;
        fc.pre(replacement !== text[at]);
        decodeError(text.slice(0, at) + replacement + text.slice(at + 1));
      }),
    );
  });

  it("says why: foreign key, another query, garbage, a forged body", () => {
    const text = encodeCursor(cursor, KEY);
    expect(decodeError(text, OTHER_KEY)).toMatch(/signature doesn't match/);
    expect(decodeError(text, KEY, queryHash({ ...query, to: query.to + 1 }))).toMatch(/different query/);
    for (const junk of ["", "abc", "a.b.c", "ä.b", 42, null, "x".repeat(5000)]) decodeError(junk);
    const body = Buffer.from(JSON.stringify({ v: 1, d: "n", k: [0, "a", "t", 0, "0"], q: HASH })).toString("base64url");
    expect(decodeError(`${body}.${text.split(".")[1]}`)).toMatch(/signature/);
    expect(() => encodeCursor(cursor, "short")).toThrow(/at least 32 bytes/);
  });

  it("hashes the query with datastreams as a set and everything else significant", () => {
    expect(queryHash({ ...query, datastreamIds: ["ds-1", "ds-2", "ds-1"] })).toBe(HASH);
    expect(queryHash({ ...query, filter: { q: "x" } })).toBe(HASH);
    expect(queryHash({ ...query, datastreamIds: ["ds-1"] })).not.toBe(HASH);
    expect(queryHash({ ...query, from: query.from - 1 })).not.toBe(HASH);
    expect(queryHash({ ...query, filter: undefined })).not.toBe(HASH);
    expect(HASH).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});

describe("keyset paging", () => {
  /** Pages forward from the start until there is no next page. */
  function forward(sorted: TraceKey[], size: number) {
    const pages: TraceKey[][] = [];
    let page = pageAfter(sorted, null, size);
    pages.push(page.items);
    while (page.next !== null) {
      page = pageAfter(sorted, page.next, size);
      pages.push(page.items);
    }
    return { pages, last: page };
  }

  it("pages forward then back over keys with ties in time, every record exactly once each way", () => {
    fc.assert(
      fc.property(keySet, fc.integer({ min: 1, max: 7 }), (sorted, size) => {
        const { pages, last } = forward(sorted, size);
        expect(pages.flat()).toEqual(sorted);
        expect(last.next).toBeNull();
        const back: TraceKey[][] = [];
        for (let p = last.previous; p !== null; ) {
          const page = pageAfter(sorted, p, size);
          back.unshift(page.items);
          p = page.previous;
        }
        expect([...back.flat(), ...last.items]).toEqual(sorted);
      }),
    );
  });

  it("never skips or repeats a record when records arrive between pages", () => {
    fc.assert(
      fc.property(
        keySet,
        fc.array(fc.array(keyArb, { maxLength: 5 }), { maxLength: 20 }),
        fc.integer({ min: 1, max: 5 }),
        (initial, arrivals, size) => {
          let store = initial;
          const seen: TraceKey[] = [];
          const mustAppear: TraceKey[] = []; // arrivals after the cursor at the time they arrive
          let position: CursorPosition | null = null;
          for (let round = 0; ; round++) {
            const page: KeysetPage<TraceKey> = pageAfter(store, position, size);
            seen.push(...page.items);
            if (page.next === null) break;
            const cursorKey = page.next.key;
            position = page.next;
            const arrived = arrivals[round] ?? [];
            store = uniqueSorted([...store, ...arrived]);
            mustAppear.push(...arrived.filter((k) => compareTraceKeys(k, cursorKey) > 0));
          }
          for (let i = 1; i < seen.length; i++) {
            expect(compareTraceKeys(seen[i - 1] as TraceKey, seen[i] as TraceKey)).toBeLessThan(0); // no repeats
          }
          for (const k of [...initial, ...mustAppear]) expect(seen).toContainEqual(k); // nothing skipped
        },
      ),
    );
  });

  it("goes back from an empty page to the records before it, the cursor's own record included", () => {
    fc.assert(
      fc.property(keySet, fc.integer({ min: 1, max: 5 }), fc.nat(), (sorted, size, pick) => {
        fc.pre(sorted.length > 0);
        const key = sorted[pick % sorted.length] as TraceKey;
        // Records after `key` vanished (retention): the page after it is empty, and its previous page ends at key.
        const upTo = sorted.filter((k) => compareTraceKeys(k, key) <= 0);
        const empty = pageAfter(upTo, { direction: "next", key }, size);
        expect(empty.items).toEqual([]);
        const back = pageAfter(upTo, empty.previous, size);
        expect(back.items.at(-1)).toEqual(key);
        // And the other way: nothing before `key` any more, the page before it is empty, its next page starts at key.
        const from = sorted.filter((k) => compareTraceKeys(k, key) >= 0);
        const none = pageAfter(from, { direction: "prev", key }, size);
        expect(none.items).toEqual([]);
        expect(pageAfter(from, none.next, size).items[0]).toEqual(key);
      }),
    );
  });

  it("round-trips inclusive positions through a signed cursor", () => {
    const text = encodeCursor({ ...cursor, inclusive: true }, KEY);
    expect(decodeCursor(text, KEY, HASH)).toEqual({ ...cursor, inclusive: true });
    expect(decodeCursor(encodeCursor(cursor, KEY), KEY, HASH)).not.toHaveProperty("inclusive");
  });

  it("keeps cursors to the key fields and handles empty sets and pages past the end", () => {
    const records = [{ ...cursor.key, payload: { speed: 3 } }];
    const page = pageAfter(records, null, 10);
    expect(page).toEqual({ items: records, next: null, previous: null });
    const two = pageAfter([...records, { ...cursor.key, offset: "9223372036854775808", payload: {} }], null, 1);
    expect(two.next).toEqual({ direction: "next", key: cursor.key });
    expect(pageAfter([], null, 5)).toEqual({ items: [], next: null, previous: null });
    expect(pageAfter(records, { direction: "next", key: cursor.key }, 5)).toEqual({
      items: [],
      next: null,
      previous: { direction: "prev", key: cursor.key, inclusive: true },
    });
    expect(() => pageAfter(records, null, 0)).toThrow(RangeError);
  });
});
