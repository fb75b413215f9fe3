import { describe, expect, it } from "vitest";
import type { LiveFrame, StreamKey } from "./live-protocol";
import { encodeFrame, type FrameSink, SocketSender } from "./socket-sender";

const ds = "ds:00000000-0000-7000-8000-000000000001" as StreamKey;

/** A connection that writes when told to: `stalled` packets pile up until drain(). */
function sink() {
  const frames: LiveFrame[] = [];
  const missed: number[] = [];
  let backlog = 0;
  let stalled = false;
  let onDrain: (() => void) | undefined;
  const s: FrameSink = {
    sendFrame: (b) => {
      frames.push(JSON.parse(b.toString()) as LiveFrame);
      if (stalled) backlog++;
    },
    sendMissed: (_stream, n) => void missed.push(n),
    backlog: () => backlog,
    onDrain: (cb) => {
      onDrain = cb;
    },
  };
  return {
    s,
    frames,
    missed,
    stall: () => {
      stalled = true;
    },
    drain: () => {
      stalled = false;
      backlog = 0;
      const cb = onDrain;
      onDrain = undefined;
      cb?.();
    },
  };
}

const frame = (n: number) => encodeFrame({ stream: ds, records: [{ p: 0, o: String(n), t: n, v: n }] });

describe("a socket's outbox", () => {
  it("sends everything in order to a connection that keeps up", () => {
    const c = sink();
    const sender = new SocketSender(c.s);
    for (let i = 0; i < 100; i++) sender.push(ds, 1, frame(i));
    expect(c.frames.map((f) => f.records[0]?.o)).toEqual(Array.from({ length: 100 }, (_, i) => String(i)));
    expect(c.missed).toEqual([]);
  });

  it("keeps at most its bound for a stalled connection, drops the oldest, and says how many were missed", () => {
    const c = sink();
    const sender = new SocketSender(c.s, { maxQueuedFrames: 10, maxRecordsPerFrame: 500, maxBacklog: 2 });
    c.stall();
    for (let i = 0; i < 50; i++) sender.push(ds, 1, frame(i));
    expect(c.frames).toHaveLength(2); // the connection took two, then stopped writing
    expect(sender.queued).toBe(10);
    c.drain();
    // The 38 oldest of the 48 waiting went; the socket hears the count before the next frame.
    expect(c.missed).toEqual([38]);
    expect(c.frames.map((f) => Number(f.records[0]?.o))).toEqual([
      0,
      1,
      ...Array.from({ length: 10 }, (_, i) => 40 + i),
    ]);
    expect(sender.stats).toMatchObject({ recordsDropped: 38, framesSent: 12 });
  });

  it("sends a gap's backfill before the live frames held while it was read", () => {
    const c = sink();
    const sender = new SocketSender(c.s);
    sender.hold(ds);
    sender.push(ds, 1, frame(10));
    sender.push(ds, 1, frame(11));
    expect(c.frames).toEqual([]);
    sender.pushBackfill(
      ds,
      [7, 8, 9].map((n) => ({ p: 0, o: String(n), t: n, v: n })),
      false,
    );
    sender.release(ds);
    expect(c.frames.map((f) => [f.backfill ?? false, f.records.map((r) => r.o)])).toEqual([
      [true, ["7", "8", "9"]],
      [false, ["10"]],
      [false, ["11"]],
    ]);
  });
});
