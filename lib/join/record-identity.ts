// A record's identity is (partition, offset). Offsets are kept as canonical decimal strings so that they survive
// JSON and compare numerically by (length, text) without BigInt arithmetic.

const DIGITS = /^[0-9]+$/;

/** The canonical decimal text of a Kafka offset (no sign, no leading zeros). Throws on anything else. */
export function canonicalOffset(offset: bigint | string): string {
  if (typeof offset === "bigint") {
    if (offset < 0n) throw new RangeError(`A record's offset must not be negative (got ${offset})`);
    return offset.toString();
  }
  if (typeof offset !== "string" || !DIGITS.test(offset)) {
    throw new TypeError(`A record's offset must be a bigint or a decimal string (got ${String(offset)})`);
  }
  if (offset.length > 1 && offset.charCodeAt(0) === 48) {
    const stripped = offset.replace(/^0+/, "");
    return stripped === "" ? "0" : stripped;
  }
  return offset;
}

/** Numeric order of two canonical offsets. */
export function compareOffsets(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Order of identities: by partition (UTF-16 code units, locale-free), then by offset. */
export function compareIdentity(partitionA: string, offsetA: string, partitionB: string, offsetB: string): number {
  if (partitionA !== partitionB) return partitionA < partitionB ? -1 : 1;
  return compareOffsets(offsetA, offsetB);
}
