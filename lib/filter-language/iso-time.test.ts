import { describe, expect, it } from "vitest";
import { parseIsoTime } from "./iso-time";

describe("parseIsoTime", () => {
  it("reads dates (midnight UTC) and date-times with Z or an offset, to the millisecond", () => {
    const cases: [string, string][] = [
      ["2026-11-25", "2026-11-25T00:00:00.000Z"],
      ["2026-11-25T10:00:00Z", "2026-11-25T10:00:00.000Z"],
      ["2026-11-25T10:00Z", "2026-11-25T10:00:00.000Z"],
      ["2026-11-25 10:00:00z", "2026-11-25T10:00:00.000Z"],
      ["2026-11-25T11:00:00+01:00", "2026-11-25T10:00:00.000Z"],
      ["2026-11-25T05:30:00-0430", "2026-11-25T10:00:00.000Z"],
      ["2026-11-25T10:00:00+01", "2026-11-25T09:00:00.000Z"],
      ["2026-11-25T10:00:00.1Z", "2026-11-25T10:00:00.100Z"],
      ["2026-11-25T10:00:00.123456789Z", "2026-11-25T10:00:00.123Z"],
      ["2026-11-25T10:00:00,5Z", "2026-11-25T10:00:00.500Z"],
      ["2024-02-29T00:00:00Z", "2024-02-29T00:00:00.000Z"],
      ["0050-01-01T00:00:00Z", "0050-01-01T00:00:00.000Z"],
    ];
    for (const [text, iso] of cases) expect(parseIsoTime(text), text).toBe(Date.parse(iso));
  });

  it("refuses what is not a time, and a time of day without a zone", () => {
    for (const text of [
      "",
      "yesterday",
      "2026-11-25T10:00:00",
      "2026-13-01",
      "2026-02-29",
      "2026-04-31",
      "2026-11-25T24:00:00Z",
      "2026-11-25T10:60:00Z",
      "2026-11-25T10:00:60Z",
      "2026-11-25T10:00:00+25:00",
      "26-11-25",
      "1700000000000",
      " 2026-11-25",
    ]) {
      expect(parseIsoTime(text), text).toBeNull();
    }
  });
});
