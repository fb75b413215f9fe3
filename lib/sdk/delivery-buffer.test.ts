import { describe, expect, it } from "vitest";
import { type Chunk, DeliveryBuffer } from "./delivery-buffer";

const chunk = (partition: number, offsets: number[], lastOffset: number, topic = "s.int"): Chunk<string> => ({
  topic,
  partition,
  records: offsets.map((o) => `${topic}/${partition}@${o}`),
  lastOffset: String(lastOffset),
});
const offsetOf = (item: string) => item.slice(item.indexOf("@") + 1);
const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

describe("DeliveryBuffer", () => {
  it("delivers in order and commits only what the reader has moved past", async () => {
    const buffer = new DeliveryBuffer<string>(100, offsetOf);
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
    const buffer = new DeliveryBuffer<string>(100, offsetOf);
    await buffer.push(chunk(1, [], 99));
    await buffer.push(chunk(1, [100], 100));
    expect((await buffer.next()).value).toBe("s.int/1@100");
    expect(buffer.takeCommits()).toEqual([{ topic: "s.int", partition: 1, offset: "100" }]);
  });

  it("makes push() wait while full, ticking onWait, until the reader takes records", async () => {
    const buffer = new DeliveryBuffer<string>(2, offsetOf, 10);
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
    const buffer = new DeliveryBuffer<string>(1, offsetOf, 5);
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
    const buffer = new DeliveryBuffer<string>(10, offsetOf);
    const first = buffer.next();
    await buffer.push(chunk(3, [7], 7, "s.ext"));
    expect((await first).value).toBe("s.ext/3@7");
    const second = buffer.next();
    buffer.end(new Error("group authorization failed"));
    await expect(second).rejects.toThrow(/group authorization/);
  });

  it("forgets queued runs and positions of revoked partitions", async () => {
    const buffer = new DeliveryBuffer<string>(10, offsetOf);
    await buffer.push(chunk(0, [0], 0));
    await buffer.push(chunk(1, [0], 0));
    await buffer.next();
    await buffer.next(); // partition 0 delivered; position of 0 recorded
    buffer.dropPartitions((_topic, partition) => partition === 1);
    expect(buffer.takeCommits()).toEqual([]);
    buffer.dropPartitions(() => false);
    expect(buffer.size).toBe(0);
  });
});
