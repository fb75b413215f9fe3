import { describe, expect, it } from "vitest";
import { jsonDiff } from "./json-diff";

describe("jsonDiff", () => {
  it("lists only the fields that changed, with nested paths", () => {
    expect(
      jsonDiff(
        { name: "a", description: "old", unit: { symbol: "C", name: "deg" }, tags: [1, 2] },
        { name: "a", description: "new", unit: { symbol: "K", name: "deg" }, tags: [1, 3, 4] },
      ),
    ).toEqual([
      { path: "description", kind: "changed", before: "old", after: "new" },
      { path: "unit.symbol", kind: "changed", before: "C", after: "K" },
      { path: "tags[1]", kind: "changed", before: 2, after: 3 },
      { path: "tags[2]", kind: "added", after: 4 },
    ]);
  });

  it("shows a creation as added fields and a deletion as removed ones", () => {
    expect(jsonDiff(null, { a: 1, b: "x" })).toEqual([
      { path: "a", kind: "added", after: 1 },
      { path: "b", kind: "added", after: "x" },
    ]);
    expect(jsonDiff({ a: 1 }, undefined)).toEqual([{ path: "a", kind: "removed", before: 1 }]);
  });

  it("reports keys that appear or disappear and nothing for equal values", () => {
    expect(jsonDiff({ a: 1, gone: true }, { a: 1, fresh: null })).toEqual([
      { path: "gone", kind: "removed", before: true },
      { path: "fresh", kind: "added", after: null },
    ]);
    expect(jsonDiff({ a: { b: [1] } }, { a: { b: [1] } })).toEqual([]);
    expect(jsonDiff(null, null)).toEqual([]);
    expect(jsonDiff("x", "y")).toEqual([{ path: "(value)", kind: "changed", before: "x", after: "y" }]);
  });
});
