import { describe, expect, it } from "vitest";
import { formatBytes, formatCount, formatRetention } from "./format";

describe("formatting for the cluster pages", () => {
  it("writes sizes in binary units", () => {
    expect(formatBytes(0)).toBe("0 B");
    expect(formatBytes(1536)).toBe("1.5 KiB");
    expect(formatBytes(50 * 1024 * 1024)).toBe("50 MiB");
  });
  it("writes retention in days or hours when it divides", () => {
    expect(formatRetention("1209600000")).toBe("14 days");
    expect(formatRetention("86400000")).toBe("1 day");
    expect(formatRetention("7200000")).toBe("2 hours");
    expect(formatRetention("1500")).toBe("1500 ms");
    expect(formatRetention("-1")).toBe("forever");
    expect(formatRetention(null)).toBe("—");
  });
  it("groups the digits of large offsets without losing any", () => {
    expect(formatCount("12345678901234567890")).toBe("12 345 678 901 234 567 890");
    expect(formatCount("12")).toBe("12");
  });
});
