import { describe, expect, it } from "vitest";
import { KafkaError } from "../kafka/errors";
import { BatchingProducer, type OutgoingMessage } from "./batching-producer";

const msg = (i: number): OutgoingMessage => ({ topic: "s.int", key: "k", value: String(i) });
const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

/** A sender that records batches and finishes each only when the test says so. */
function controlledSender() {
  const batches: OutgoingMessage[][] = [];
  const pending: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  const send = (batch: OutgoingMessage[]) =>
    new Promise<void>((resolve, reject) => {
      batches.push(batch);
      pending.push({ resolve, reject });
    });
  return { send, batches, pending };
}

describe("BatchingProducer", () => {
  it("sends one batch after the linger, not one send per record", async () => {
    const sent: OutgoingMessage[][] = [];
    const producer = new BatchingProducer(async (b) => void sent.push(b), { lingerMs: 20 });
    for (let i = 0; i < 5; i++) await producer.add(msg(i));
    expect(sent).toHaveLength(0);
    await tick(40);
    expect(sent.map((b) => b.map((m) => m.value))).toEqual([["0", "1", "2", "3", "4"]]);
    expect(producer.stats.sent).toBe(5);
  });

  it("sends a full batch at once and keeps order across batches", async () => {
    const sent: OutgoingMessage[][] = [];
    const producer = new BatchingProducer(async (b) => void sent.push(b), { lingerMs: 1000, maxBatchRecords: 3 });
    for (let i = 0; i < 7; i++) await producer.add(msg(i));
    await producer.flush();
    expect(sent.map((b) => b.map((m) => m.value))).toEqual([["0", "1", "2"], ["3", "4", "5"], ["6"]]);
  });

  it("makes add() wait while the buffer is full (backpressure), and drops nothing", async () => {
    const sender = controlledSender();
    const producer = new BatchingProducer(sender.send, { lingerMs: 1, maxBatchRecords: 2, maxBufferedRecords: 4 });
    for (let i = 0; i < 4; i++) await producer.add(msg(i));
    let fifthAccepted = false;
    const fifth = producer.add(msg(4)).then(() => {
      fifthAccepted = true;
    });
    await tick(10);
    expect(fifthAccepted).toBe(false);
    expect(producer.buffered).toBe(4);
    sender.pending[0]?.resolve();
    await fifth;
    expect(fifthAccepted).toBe(true);
    const flushed = producer.flush();
    expect(sender.batches).toHaveLength(2); // one batch in flight at a time
    sender.pending[1]?.resolve();
    while (sender.pending.length < 3) await tick(1);
    sender.pending[2]?.resolve();
    await flushed;
    expect(sender.batches.flat().map((m) => m.value)).toEqual(["0", "1", "2", "3", "4"]);
  });

  it("retries a batch after the broker was away, reports it from flush(), and keeps order", async () => {
    let calls = 0;
    const sent: string[] = [];
    const producer = new BatchingProducer(
      async (b) => {
        calls++;
        if (calls === 1) throw new KafkaError("unavailable", "connect ECONNREFUSED");
        sent.push(...b.map((m) => m.value));
      },
      { lingerMs: 1, retryDelayMs: 5 },
    );
    await producer.add(msg(0));
    await producer.add(msg(1));
    await expect(producer.flush()).rejects.toMatchObject({ code: "unavailable", message: /2 record\(s\) not sent/ });
    await producer.add(msg(2));
    await producer.flush();
    expect(sent).toEqual(["0", "1", "2"]);
    expect(producer.stats).toEqual({ sent: 3, failedSends: 1 });
  });

  it("stops on a refused ACL and says so from add(), flush() and close()", async () => {
    const producer = new BatchingProducer(
      async () => {
        throw new KafkaError("authorization", "Not authorized to access topics");
      },
      { lingerMs: 1 },
    );
    await producer.add(msg(0));
    await expect(producer.flush()).rejects.toMatchObject({ code: "authorization", message: /1 record\(s\) not sent/ });
    await expect(producer.add(msg(1))).rejects.toMatchObject({ code: "authorization" });
    await expect(producer.close()).rejects.toMatchObject({ code: "authorization" });
  });

  it("refuses records after close()", async () => {
    const producer = new BatchingProducer(async () => undefined);
    await producer.close();
    await expect(producer.add(msg(0))).rejects.toMatchObject({ code: "closed" });
  });
});
