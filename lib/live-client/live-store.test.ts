import { describe, expect, it } from "vitest";
import type { LiveRecord, StreamKey } from "../live/live-protocol";
import { liveStore, useLiveStore } from "./live-store";

const settle = () => new Promise((resolve) => setTimeout(resolve, 40));
const rec = (p: number, o: number, t: number): LiveRecord => ({ p, o: String(o), t, v: o });
const key = (n: number) => `ds:00000000-0000-4000-8000-${String(n).padStart(12, "0")}` as StreamKey;

describe("the browser's live store", () => {
  it("keeps each record once, whether it comes live again or in a backfill, in time order", async () => {
    const k = key(1);
    liveStore.frame({ stream: k, records: [rec(0, 8, 80), rec(0, 9, 90), rec(1, 10, 95)] });
    liveStore.frame({ stream: k, records: [rec(0, 9, 90), rec(0, 11, 110)] });
    await settle();
    expect(useLiveStore.getState().streams[k]?.records.map((r) => r.o)).toEqual(["8", "9", "10", "11"]);
    liveStore.frame({ stream: k, backfill: true, records: [rec(0, 6, 60), rec(0, 7, 70), rec(0, 8, 80)] });
    await settle();
    const held = useLiveStore.getState().streams[k];
    expect(held?.records.map((r) => r.o)).toEqual(["6", "7", "8", "9", "10", "11"]);
    expect(held?.lastRecordAt).toBe(110);
  });

  it("tells a reconnect, per partition, the next offset it needs, also past nine digits", async () => {
    const k = key(2);
    expect(liveStore.resumeOf(k)).toBeUndefined();
    liveStore.frame({ stream: k, records: [rec(0, 999_999_999, 1), rec(1, 5, 2)] });
    await settle();
    liveStore.frame({ stream: k, records: [rec(0, 1_000_000_000, 3), rec(1, 4, 4)] });
    await settle();
    expect(liveStore.resumeOf(k)).toEqual({ "0": "1000000001", "1": "6" });
    // An older offset of partition 1 was not added.
    expect(useLiveStore.getState().streams[k]?.records.map((r) => r.o)).toEqual(["999999999", "5", "1000000000"]);
  });

  it("bumps a stream's version with every change, so views redraw", async () => {
    const k = key(3);
    liveStore.frame({ stream: k, records: [rec(0, 1, 1)] });
    await settle();
    const v1 = useLiveStore.getState().streams[k]?.version ?? 0;
    liveStore.frame({ stream: k, records: [rec(0, 2, 2)] });
    await settle();
    expect(useLiveStore.getState().streams[k]?.version).toBeGreaterThan(v1);
  });
});
