import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareTraceKeys, type TraceKey } from "./merge-by-time";
import { arrivalOf, WatermarkMerge } from "./watermark-merge";

const MARGIN = 10;

type Message = { brokerTs: number; time: number | undefined };
type Rec = TraceKey & { id: string };

/** Partitions of messages: broker time mostly the phenomenon time, sometimes off, some messages of other streams. */
const partitionsArb = fc.array(
  fc.array(
    fc.record({
      time: fc.integer({ min: 0, max: 200 }),
      skew: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: -25, max: 25 })),
      ours: fc.boolean(),
    }),
    { maxLength: 40 },
  ),
  { minLength: 1, maxLength: 5 },
);

function messagesOf(spec: { time: number; skew: number; ours: boolean }[]): Message[] {
  return spec.map((m) => ({ brokerTs: m.time + m.skew, time: m.ours ? m.time : undefined }));
}

function recordOf(partition: number, offset: number, time: number): Rec {
  return { time, name: "a.b.c.d.e.f", topic: "t", partition, offset: String(offset), id: `${partition}:${offset}` };
}

/** What a read of whole partitions must return: the records in time by the rule, judged in each partition's order. */
function expected(partitions: Message[][]): Rec[] {
  const out: Rec[] = [];
  partitions.forEach((messages, p) => {
    let max = Number.NEGATIVE_INFINITY;
    messages.forEach((m, offset) => {
      if (m.time !== undefined && arrivalOf(m.time, m.brokerTs, max, MARGIN) === "in-time") {
        out.push(recordOf(p, offset, m.time));
      }
      max = Math.max(max, m.brokerTs);
    });
  });
  return out.sort(compareTraceKeys);
}

describe("arrivalOf", () => {
  it("judges a record by its own broker time and its partition's newest before it", () => {
    expect(arrivalOf(100, 100, 105, MARGIN)).toBe("in-time");
    expect(arrivalOf(100, 100, 110, MARGIN)).toBe("late");
    expect(arrivalOf(100, 89, 0, MARGIN)).toBe("early-stamped");
    expect(arrivalOf(100, 90, Number.NEGATIVE_INFINITY, MARGIN)).toBe("in-time");
  });
});

describe("WatermarkMerge", () => {
  it("puts the in-time records of any partitions in trace order, whatever order the reads come in", () => {
    fc.assert(
      fc.property(
        partitionsArb,
        fc.array(fc.nat(), { maxLength: 400 }),
        fc.integer({ min: 1, max: 6 }),
        (spec, picks, chunk) => {
          const partitions = spec.map(messagesOf);
          const merge = new WatermarkMerge<Rec>(MARGIN);
          const positions = partitions.map(() => 0);
          partitions.forEach((_, p) => {
            merge.add(String(p));
          });
          const out: Rec[] = [];
          let round = 0;
          let maxBuffered = 0;
          while (!merge.done) {
            out.push(...merge.drain());
            // Read a chunk from one of the partitions the merge waits on (chosen by the generated picks).
            const waiting = merge.waitingOn();
            if (waiting.length === 0) continue;
            const p = Number(waiting[(picks[round++ % Math.max(1, picks.length)] ?? 0) % waiting.length]);
            const messages = partitions[p] as Message[];
            for (let i = 0; i < chunk && (positions[p] as number) < messages.length; i++) {
              const offset = positions[p] as number;
              const m = messages[offset] as Message;
              const arrival = merge.observe(String(p), m.brokerTs, m.time);
              if (m.time !== undefined && arrival === "in-time") merge.push(recordOf(p, offset, m.time));
              positions[p] = offset + 1;
            }
            if ((positions[p] as number) >= messages.length) merge.finish(String(p));
            maxBuffered = Math.max(maxBuffered, merge.buffered);
          }
          out.push(...merge.drain());
          expect(out).toEqual(expected(partitions));
          for (let i = 1; i < out.length; i++) {
            expect(compareTraceKeys(out[i - 1] as Rec, out[i] as Rec)).toBeLessThan(0);
          }
        },
      ),
    );
  });

  it("waits on the partition whose broker time lags, and lets records out once it moved past them", () => {
    const merge = new WatermarkMerge<Rec>(MARGIN);
    merge.add("0");
    merge.add("1");
    merge.observe("0", 100, 100);
    merge.push(recordOf(0, 0, 100));
    expect([...merge.drain()]).toEqual([]);
    expect(merge.waitingOn()).toEqual(["0", "1"]);
    merge.observe("1", 50, 50);
    merge.push(recordOf(1, 0, 50));
    expect([...merge.drain()]).toEqual([]); // partition 1 may still bring times above 40
    merge.observe("1", 111);
    expect([...merge.drain()].map((r) => r.time)).toEqual([50]); // 0 has shown 100: nothing below 90 to come
    expect(merge.waitingOn()).toEqual(["0"]);
    merge.finish("0");
    expect([...merge.drain()].map((r) => r.time)).toEqual([100]);
  });
});
