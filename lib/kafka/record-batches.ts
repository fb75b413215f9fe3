import { compressionsAlgorithmsByBitmask } from "@platformatic/kafka";
import type { RawRecord } from "./raw-fetch";

// Kafka's record batches (format v2, "magic 2": https://kafka.apache.org/documentation/#recordbatch) decoded from one
// contiguous buffer straight into the records Rhei hands on. The client library decodes them too, but every varint
// there returns a fresh [value, length] array, every timestamp delta a BigInt, and every key and value slice looks
// for its place among the response's socket chunks: on a history read that was a third of the time and much of the
// garbage (bench/README.md). Here a record is one object, varints are read in place, and headers are skipped (no
// reader of Rhei's looks at them). Compressed batches are inflated with the library's codecs.

/** A record as decoded, with its offset's delta in its batch (read_committed needs it). */
export interface WireRecord extends RawRecord {
  offsetDelta: number;
}

export interface RecordBatch {
  firstOffset: bigint;
  lastOffsetDelta: number;
  attributes: number;
  producerId: bigint;
  /** Records at and after the position asked for (earlier records of the batch are not made). */
  records: WireRecord[];
}

const BATCH_HEAD = 12; // baseOffset int64 + batchLength int32
const RECORDS_AT = 61; // where the records (or their compressed block) start in a batch
const COMPRESSION = 0x07;
const LOG_APPEND_TIME = 0x08;

/** Raised for bytes that are not record batches of format v2 (the broker would never send them). */
export class RecordBatchError extends Error {
  constructor(message: string) {
    super(`record batch: ${message}`);
    this.name = "RecordBatchError";
  }
}

/** Reads varints from one buffer, advancing `at`; zigzag-decoded, as record fields are. */
class VarintCursor {
  at = 0;
  constructor(readonly buf: Buffer) {}

  varint(): number {
    const buf = this.buf;
    let at = this.at;
    let byte = buf[at++] as number;
    let value = byte & 0x7f;
    let shift = 7;
    while (byte & 0x80) {
      if (at >= buf.length || shift > 28) throw new RecordBatchError("a varint runs past its record");
      byte = buf[at++] as number;
      value |= (byte & 0x7f) << shift;
      shift += 7;
    }
    this.at = at;
    return (value >>> 1) ^ -(value & 1);
  }

  /** A zigzag varlong as a number: exact to 2^53, far beyond any timestamp delta. */
  varlong(): number {
    const buf = this.buf;
    let at = this.at;
    let byte = buf[at++] as number;
    let value = byte & 0x7f;
    let scale = 128;
    while (byte & 0x80) {
      if (at >= buf.length || scale > 2 ** 63) throw new RecordBatchError("a varlong runs past its record");
      byte = buf[at++] as number;
      value += (byte & 0x7f) * scale;
      scale *= 128;
    }
    this.at = at;
    return value % 2 === 0 ? value / 2 : -(value + 1) / 2;
  }

  bytes(): Buffer | null {
    const length = this.varint();
    if (length < 0) return null;
    const start = this.at;
    this.at = start + length;
    if (this.at > this.buf.length) throw new RecordBatchError("a key or value runs past its record");
    return this.buf.subarray(start, this.at);
  }
}

/** Offsets below this, plus any delta within a batch, are exact as doubles. */
const SAFE_OFFSET = BigInt(Number.MAX_SAFE_INTEGER) - (1n << 32n);

/**
 * The complete batches in `buf` (a partition's records of one fetch; a batch cut off at the end, as the broker may
 * send, is left for the next fetch), with their records at or after `position`.
 */
export function decodeRecordBatches(buf: Buffer, topic: string, partition: number, position: bigint): RecordBatch[] {
  const batches: RecordBatch[] = [];
  let at = 0;
  while (buf.length - at >= BATCH_HEAD) {
    const length = buf.readInt32BE(at + 8);
    const end = at + BATCH_HEAD + length;
    if (end > buf.length) break;
    if (length < RECORDS_AT - BATCH_HEAD) throw new RecordBatchError(`a batch of ${length} bytes`);
    const magic = buf.readInt8(at + 16);
    if (magic !== 2) throw new RecordBatchError(`message format ${magic} (only v2 is read)`);
    batches.push(decodeBatch(buf, at, end, topic, partition, position));
    at = end;
  }
  return batches;
}

function decodeBatch(
  buf: Buffer,
  at: number,
  end: number,
  topic: string,
  partition: number,
  position: bigint,
): RecordBatch {
  const firstOffset = buf.readBigInt64BE(at);
  const attributes = buf.readInt16BE(at + 21);
  const lastOffsetDelta = buf.readInt32BE(at + 23);
  const firstTimestamp = Number(buf.readBigInt64BE(at + 27));
  const maxTimestamp = Number(buf.readBigInt64BE(at + 35));
  const producerId = buf.readBigInt64BE(at + 43);
  const count = buf.readInt32BE(at + 57);
  const compression = attributes & COMPRESSION;
  let body = buf.subarray(at + RECORDS_AT, end);
  if (compression !== 0) {
    const codec = compressionsAlgorithmsByBitmask[compression];
    if (!codec) throw new RecordBatchError(`unknown compression ${compression}`);
    body = codec.decompressSync(body);
  }
  const records: WireRecord[] = [];
  const exact = firstOffset < SAFE_OFFSET;
  const first = Number(firstOffset);
  // Records below the position come first in a batch; deltas only grow, so they are skipped by offset alone.
  const skipBelow = position > firstOffset ? Number(position - firstOffset) : 0;
  const logAppendTime = (attributes & LOG_APPEND_TIME) !== 0;
  const cursor = new VarintCursor(body);
  for (let i = 0; i < count; i++) {
    if (cursor.at >= body.length) throw new RecordBatchError(`${count} records announced, ${i} found`);
    const recordLength = cursor.varint();
    const next = cursor.at + recordLength;
    if (recordLength < 0 || next > body.length) throw new RecordBatchError("a record runs past its batch");
    cursor.at++; // the record's attributes: unused by format v2
    const timestampDelta = cursor.varlong();
    const offsetDelta = cursor.varint();
    if (offsetDelta >= skipBelow) {
      const key = cursor.bytes();
      const value = cursor.bytes();
      records.push({
        topic,
        partition,
        offset: exact ? String(first + offsetDelta) : (firstOffset + BigInt(offsetDelta)).toString(),
        key,
        value,
        timestamp: logAppendTime ? maxTimestamp : firstTimestamp + timestampDelta,
        offsetDelta,
      });
    }
    cursor.at = next; // past the headers, which nothing reads
  }
  return { firstOffset, lastOffsetDelta, attributes, producerId, records };
}
