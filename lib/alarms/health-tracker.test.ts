import { describe, expect, it } from "vitest";
import { HealthTracker, isSilent } from "./health-tracker";

describe("datastream health", () => {
  it("counts records in the last minute and hour, and learns the usual interval", () => {
    const h = new HealthTracker();
    const start = 1_000_000_000;
    for (let i = 0; i < 30; i++) h.record(start + i * 2000, start + i * 2000, i);
    const now = start + 59_000;
    const s = h.snapshot(now);
    expect(s.perMinute).toBe(30);
    expect(s.perHour).toBe(30);
    expect(s.intervalMs).toBe(2000);
    expect(s.lastValue).toBe(29);
    // Two minutes on, the minute's count is empty and the hour's is not.
    expect(h.snapshot(now + 120_000)).toMatchObject({ perMinute: 0, perHour: 30 });
  });

  it("flags a datastream silent after three usual intervals without a record", () => {
    expect(isSilent(1000, 2000, 6000)).toBe(false);
    expect(isSilent(1000, 2000, 8000)).toBe(true);
    expect(isSilent(undefined, 2000, 8000)).toBe(false);
  });
});
