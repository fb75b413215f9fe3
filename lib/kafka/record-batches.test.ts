import { type compressionsAlgorithms, createRecordsBatch, Reader, readRecordsBatches } from "@platformatic/kafka";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeRecordBatches, RecordBatchError } from "./record-batches";

// The decoder against the client library's own encoder and decoder: whatever batches the library writes (any keys,
// values, headers, timestamps, offsets, compression), ours reads the same records, and cut-off input is handled as
// the broker may send it.

interface Message {
  key: Buffer | null;
  value: Buffer | null;
  timestamp: bigint;
  headers: Map<Buffer, Buffer>;
}

const message = fc.record({
  key: fc.option(
    fc.uint8Array({ maxLength: 40 }).map((a) => Buffer.from(a)),
    { nil: null },
  ),
  value: fc.option(
    fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)),
    { nil: null },
  ),
  // Deltas of either sign and beyond 32 bits, from a realistic epoch.
  timestamp: fc.bigInt({ min: 1_700_000_000_000n - (1n << 40n), max: 1_700_000_000_000n + (1n << 40n) }),
  headers: fc
    .array(fc.tuple(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 })), { maxLength: 3 })
    .map((pairs) => new Map(pairs.map(([k, v]) => [Buffer.from(k), Buffer.from(v)]))),
});

/** One batch as the library encodes it, its base offset set as the broker would. */
function encode(messages: Message[], firstOffset: bigint, compression: keyof typeof compressionsAlgorithms = "none") {
  const batch = createRecordsBatch(
    // The library's type has no null value, but its encoder writes null as a null value (a tombstone), as Kafka does.
    messages.map((m) => ({ ...m, topic: "t" })) as unknown as Parameters<typeof createRecordsBatch>[0],
    { compression },
  ).buffer;
  batch.writeBigInt64BE(firstOffset, 0);
  return batch;
}

const libraryRecords = (buf: Buffer) =>
  readRecordsBatches(Reader.from(buf)).flatMap((b) =>
    b.records.map((r) => ({
      offset: (b.firstOffset + BigInt(r.offsetDelta)).toString(),
      key: r.key,
      value: r.value,
      timestamp: Number(b.firstTimestamp + r.timestampDelta),
    })),
  );

const ours = (buf: Buffer, position = 0n) =>
  decodeRecordBatches(buf, "t", 0, position).flatMap((b) =>
    b.records.map((r) => ({ offset: r.offset, key: r.key, value: r.value, timestamp: r.timestamp })),
  );

describe("decodeRecordBatches", () => {
  it("reads what the library writes, as the library reads it", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(message, { minLength: 1, maxLength: 20 }), { minLength: 1, maxLength: 4 }),
        fc.bigInt({ min: 0n, max: 1n << 40n }),
        (batches, base) => {
          let offset = base;
          const parts = batches.map((messages) => {
            const buf = encode(messages, offset);
            offset += BigInt(messages.length);
            return buf;
          });
          const buf = Buffer.concat(parts);
          const expected = libraryRecords(buf);
          const decoded = ours(buf);
          expect(decoded.map((r) => r.offset)).toEqual(expected.map((r) => r.offset));
          expect(decoded.map((r) => r.timestamp)).toEqual(expected.map((r) => r.timestamp));
          // Compared as bytes: the library's encoder may write a null key as empty.
          const bytes = (b: Buffer | null) => (b === null ? "" : b.toString("hex"));
          expect(decoded.map((r) => bytes(r.key))).toEqual(expected.map((r) => bytes(r.key)));
          expect(decoded.map((r) => bytes(r.value))).toEqual(expected.map((r) => bytes(r.value)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("keeps null keys and values null", () => {
    const buf = encode([{ key: null, value: null, timestamp: 5n, headers: new Map() }], 0n);
    const [record] = ours(buf);
    expect(record).toMatchObject({ key: null, value: null, timestamp: 5 });
  });

  it("reads compressed batches", () => {
    const messages = Array.from({ length: 50 }, (_, i) => ({
      key: Buffer.from(`k${i}`),
      value: Buffer.from(JSON.stringify({ i, text: "x".repeat(i) })),
      timestamp: 1_700_000_000_000n + BigInt(i),
      headers: new Map<Buffer, Buffer>(),
    }));
    for (const codec of ["gzip", "snappy", "lz4"] as const) {
      const decoded = ours(encode(messages, 100n, codec));
      expect(decoded.map((r) => r.value?.toString())).toEqual(messages.map((m) => m.value.toString()));
      expect(decoded[49]?.offset).toBe("149");
    }
  });

  it("makes no record below the position, and leaves a batch cut off at the end for the next fetch", () => {
    const messages = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        key: null,
        value: Buffer.from(`v${i}`),
        timestamp: 1n,
        headers: new Map<Buffer, Buffer>(),
      }));
    const buf = Buffer.concat([encode(messages(5), 10n), encode(messages(3), 15n)]);
    expect(ours(buf, 12n).map((r) => r.offset)).toEqual(["12", "13", "14", "15", "16", "17"]);
    expect(ours(buf.subarray(0, buf.length - 1)).map((r) => r.offset)).toEqual(["10", "11", "12", "13", "14"]);
    expect(ours(buf.subarray(0, 7))).toEqual([]);
  });

  it("takes the batch's time for every record when the topic stamps log-append time", () => {
    const buf = encode(
      [
        { key: null, value: Buffer.from("a"), timestamp: 1000n, headers: new Map() },
        { key: null, value: Buffer.from("b"), timestamp: 1005n, headers: new Map() },
      ],
      0n,
    );
    buf.writeInt16BE(buf.readInt16BE(21) | 0x08, 21); // attributes: timestamp type = LogAppendTime
    buf.writeBigInt64BE(2000n, 35); // max timestamp: the broker's append time
    expect(ours(buf).map((r) => r.timestamp)).toEqual([2000, 2000]);
  });

  it("refuses bytes that are not format v2, and records that run past their batch", () => {
    const buf = encode([{ key: null, value: Buffer.from("abc"), timestamp: 1n, headers: new Map() }], 0n);
    const old = Buffer.from(buf);
    old.writeInt8(1, 16);
    expect(() => ours(old)).toThrow(RecordBatchError);
    const lying = Buffer.from(buf);
    lying.writeInt32BE(2, 57); // two records announced, one present
    expect(() => ours(lying)).toThrow(/2 records announced, 1 found/);
  });
});
