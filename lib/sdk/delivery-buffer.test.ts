import { describe, expect, it } from "vitest";
import { DeliveryBuffer, type Run } from "./delivery-buffer";

// A run's messages are the offsets that make records; the others (up to lastOffset) were filtered out or rejected.
const chunk = (partition: number, offsets: number[], lastOffset: number, topic = "s.int"): Run<number> => ({
  topic,
  partition,
  messages: offsets,
  lastOffset: String(lastOffset),
});
function reader() {
  const decoded: string[] = [];
  return {
    decoded,
    async process(run: Run<number>) {
      decoded.push(`${run.partition}:${run.lastOffset}`);
      return run.messages.map((o) => `${run.topic}/${run.partition}@${o}`);
    },
    offsetOf: (item: string) => item.slice(item.indexOf("@") + 1),
  };
}
const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

describe("DeliveryBuffer", () => {
  it("delivers in order and commits only what the reader has moved past", async () => {
    const buffer = new DeliveryBuffer<number, string>(100, reader());
    await buffer.push(chunk(0, [10, 11, 13], 14)); // 12 and 14 were filtered out
    expect((await buffer.next()).value).toBe("s.int/0@10");
    expect(buffer.takeCommits()).toEqual([]); // 10 handed out, not yet handled
    expect((await buffer.next()).value).toBe("s.int/0@11");
    expect(buffer.takeCommits()).toEqual([{ topic: "s.int", partition: 0, offset: "11" }]);
    expect((await buffer.next()).value).toBe("s.int/0@13");
    buffer.markDelivered(); // the loop ended after handling 13: the skipped 14 goes too
    expect(buffer.takeCommits()).toEqual([{ topic: "s.int", partition: 0, offset: "15" }]);
    expect(buffer.takeCommits()).toEqual([]);
  });

  it("moves past runs with nothing to deliver", async () => {
    const buffer = new DeliveryBuffer<number, string>(100, reader());
    await buffer.push(chunk(1, [], 99));
    await buffer.push(chunk(1, [100], 100));
    expect((await buffer.next()).value).toBe("s.int/1@100");
    expect(buffer.takeCommits()).toEqual([{ topic: "s.int", partition: 1, offset: "100" }]);
  });

  it("makes push() wait while full, ticking onWait, until the reader takes records", async () => {
    const buffer = new DeliveryBuffer<number, string>(2, reader(), 10);
    await buffer.push(chunk(0, [0, 1], 1));
    let ticks = 0;
    let pushed = false;
    const pending = buffer
      .push(chunk(0, [2], 2), {
        onWait: async () => {
          ticks++;
        },
      })
      .then((ok) => {
        pushed = ok;
      });
    await tick(35);
    expect(pushed).toBe(false);
    expect(ticks).toBeGreaterThanOrEqual(2);
    await buffer.next();
    await pending;
    expect(pushed).toBe(true);
    expect(buffer.size).toBe(1);
  });

  it("gives up a push when cancelled (partition revoked) or ended", async () => {
    const buffer = new DeliveryBuffer<number, string>(1, reader(), 5);
    await buffer.push(chunk(0, [0], 0));
    let revoked = false;
    const pending = buffer.push(chunk(0, [1], 1), { cancelled: () => revoked });
    revoked = true;
    expect(await pending).toBe(false);
    const another = buffer.push(chunk(0, [1], 1));
    buffer.end();
    expect(await another).toBe(false);
    expect(await buffer.next()).toEqual({ done: true, value: undefined });
  });

  it("wakes a waiting reader on push, and rejects it on end(error)", async () => {
    const buffer = new DeliveryBuffer<number, string>(10, reader());
    const first = buffer.next();
    await buffer.push(chunk(3, [7], 7, "s.ext"));
    expect((await first).value).toBe("s.ext/3@7");
    const second = buffer.next();
    buffer.end(new Error("group authorization failed"));
    await expect(second).rejects.toThrow(/group authorization/);
  });

  it("forgets queued runs and positions of revoked partitions", async () => {
    const buffer = new DeliveryBuffer<number, string>(10, reader());
    await buffer.push(chunk(0, [0], 0));
    await buffer.push(chunk(1, [0], 0));
    await buffer.next();
    await buffer.next(); // partition 0 delivered; position of 0 recorded
    buffer.dropPartitions((_topic, partition) => partition === 1);
    expect(buffer.takeCommits()).toEqual([]);
    buffer.dropPartitions(() => false);
    expect(buffer.size).toBe(0);
  });

  it("decodes a run only when the reader reaches it, then hands its records out without waiting", async () => {
    const r = reader();
    const buffer = new DeliveryBuffer<number, string>(100, r);
    await buffer.push(chunk(0, [1, 2], 2));
    await buffer.push(chunk(0, [3], 3));
    expect(r.decoded).toEqual([]);
    expect(buffer.nextReady()).toBeUndefined(); // nothing decoded yet: next() must be awaited
    expect((await buffer.next()).value).toBe("s.int/0@1");
    expect(r.decoded).toEqual(["0:2"]);
    expect(buffer.nextReady()).toBe("s.int/0@2");
    expect(buffer.takeCommits()).toEqual([{ topic: "s.int", partition: 0, offset: "2" }]); // 1 delivered, 2 not yet
    expect(buffer.nextReady()).toBeUndefined(); // the run is used up
    expect((await buffer.next()).value).toBe("s.int/0@3");
    expect(r.decoded).toEqual(["0:2", "0:3"]);
    expect(buffer.takeCommits()).toEqual([{ topic: "s.int", partition: 0, offset: "3" }]);
    buffer.markDelivered();
    expect(buffer.takeCommits()).toEqual([{ topic: "s.int", partition: 0, offset: "4" }]);
  });

  it("stops handing out records at end(), keeping what was delivered for the last commit", async () => {
    const buffer = new DeliveryBuffer<number, string>(100, reader());
    await buffer.push(chunk(2, [5, 6, 7], 7));
    await buffer.next();
    buffer.nextReady(); // 5 delivered, 6 handed out
    buffer.end();
    expect(buffer.nextReady()).toBeUndefined();
    expect(await buffer.next()).toEqual({ done: true, value: undefined });
    expect(buffer.takeCommits()).toEqual([{ topic: "s.int", partition: 2, offset: "6" }]);
  });

  it("drops the run being read when its partition is revoked", async () => {
    const buffer = new DeliveryBuffer<number, string>(100, reader());
    await buffer.push(chunk(0, [0, 1], 1));
    await buffer.push(chunk(1, [0], 0));
    await buffer.next();
    expect(buffer.nextReady()).toBe("s.int/0@1"); // 0 delivered
    buffer.dropPartitions((_topic, partition) => partition === 1);
    expect(buffer.nextReady()).toBeUndefined();
    expect((await buffer.next()).value).toBe("s.int/1@0");
    expect(buffer.takeCommits()).toEqual([]); // nothing of partition 0 is committed by a member that lost it
  });

  it("keeps order when next() is called again while a run is being decoded", async () => {
    const buffer = new DeliveryBuffer<number, string>(100, reader());
    await buffer.push(chunk(0, [0, 1], 1));
    await buffer.push(chunk(0, [2], 2));
    const got = await Promise.all([buffer.next(), buffer.next(), buffer.next()]);
    expect(got.map((r) => r.value)).toEqual(["s.int/0@0", "s.int/0@1", "s.int/0@2"]);
  });

  it("ends with the decoder's error instead of skipping the run", async () => {
    const failing = { ...reader(), process: async () => Promise.reject(new Error("hook failed")) };
    const buffer = new DeliveryBuffer<number, string>(100, failing);
    await buffer.push(chunk(0, [0], 0));
    await expect(buffer.next()).rejects.toThrow(/hook failed/);
    await expect(buffer.next()).rejects.toThrow(/hook failed/);
    expect(buffer.takeCommits()).toEqual([]);
  });
});
