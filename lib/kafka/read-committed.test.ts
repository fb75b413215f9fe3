import { describe, expect, it } from "vitest";
import { committedBatches, IS_CONTROL, IS_TRANSACTIONAL } from "./read-committed";

interface R {
  offsetDelta: number;
  key: Buffer | null;
  value: string;
}

const marker = (type: 0 | 1) => {
  const key = Buffer.alloc(4);
  key.writeInt16BE(0, 0);
  key.writeInt16BE(type, 2);
  return key;
};

function batch(firstOffset: number, producerId: number, values: string[], kind: "txn" | "plain" = "txn") {
  return {
    firstOffset: BigInt(firstOffset),
    lastOffsetDelta: values.length - 1,
    attributes: kind === "txn" ? IS_TRANSACTIONAL : 0,
    producerId: BigInt(producerId),
    records: values.map((value, i): R => ({ offsetDelta: i, key: null, value })),
  };
}

function control(offset: number, producerId: number, type: 0 | 1) {
  return {
    firstOffset: BigInt(offset),
    lastOffsetDelta: 0,
    attributes: IS_TRANSACTIONAL | IS_CONTROL,
    producerId: BigInt(producerId),
    records: [{ offsetDelta: 0, key: marker(type), value: "" }] as R[],
  };
}

const values = (r: ReturnType<typeof committedBatches<R, ReturnType<typeof batch>>>) =>
  r.batches.flatMap((b) => b.batch.records.slice(b.from).map((x) => x.value));

describe("committedBatches (read_committed as Kafka's Java consumer reads it)", () => {
  it("keeps a committed transaction between two aborted ones of the same producer id", () => {
    // What the broker held after: A's txn aborted by B's fencing, B committed, B aborted, B committed (same pid).
    const batches = [
      batch(0, 2, ["a (aborted)"]),
      control(1, 2, 0),
      batch(2, 2, ["b (committed)"]),
      control(3, 2, 1),
      batch(4, 2, ["b2 (aborted)"]),
      control(5, 2, 0),
      batch(6, 2, ["b3 (committed)"]),
      control(7, 2, 1),
    ];
    const aborted = [
      { producerId: 2n, firstOffset: 0n },
      { producerId: 2n, firstOffset: 4n },
    ];
    const r = committedBatches(batches, aborted, 0n);
    expect(values(r)).toEqual(["b (committed)", "b3 (committed)"]);
    expect(r.next).toBe(8n);
  });

  it("skips an aborted transaction whose marker is beyond this response", () => {
    const batches = [batch(10, 5, ["x1", "x2"]), batch(12, 5, ["x3"]), batch(13, 9, ["plain"], "plain")];
    const r = committedBatches(batches, [{ producerId: 5n, firstOffset: 10n }], 10n);
    expect(values(r)).toEqual(["plain"]);
    expect(r.next).toBe(14n);
  });

  it("keeps other producers' batches inside an aborted range, and never shows markers", () => {
    const batches = [batch(0, 1, ["p1 aborted"]), batch(1, 2, ["p2 ok"]), control(2, 1, 0), control(3, 2, 1)];
    const r = committedBatches(batches, [{ producerId: 1n, firstOffset: 0n }], 0n);
    expect(values(r)).toEqual(["p2 ok"]);
    expect(r.next).toBe(4n);
  });

  it("starts inside a batch at the fetch position", () => {
    const r = committedBatches([batch(20, 3, ["a", "b", "c"], "plain")], [], 21n);
    expect(values(r)).toEqual(["b", "c"]);
    expect(r.next).toBe(23n);
  });

  it("an aborted transaction that starts after a batch does not hide it", () => {
    const batches = [batch(0, 7, ["first (committed)"]), control(1, 7, 1), batch(2, 7, ["second (aborted)"])];
    const r = committedBatches(batches, [{ producerId: 7n, firstOffset: 2n }], 0n);
    expect(values(r)).toEqual(["first (committed)"]);
  });
});
