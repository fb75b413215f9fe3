import { describe, expect, it } from "vitest";
import { formatRetention, plural } from "./format";

describe("plural", () => {
  it("puts the noun in the number of its count", () => {
    expect(plural(1, "day")).toBe("1 day");
    expect(plural(0, "day")).toBe("0 days");
    expect(plural(14, "partition")).toBe("14 partitions");
    expect(plural(1, "entry", "entries")).toBe("1 entry");
    expect(plural(2, "entry", "entries")).toBe("2 entries");
  });

  it("says retention in words with the right number", () => {
    expect(formatRetention(String(86_400_000))).toBe("1 day");
    expect(formatRetention(String(2 * 86_400_000))).toBe("2 days");
    expect(formatRetention(String(3_600_000))).toBe("1 hour");
  });
});
