import { describe, expect, it } from "vitest";
import { explainSelection } from "./explain";
import { parseQuery } from "./parse-query";
import type { FilterRecord } from "./runtime";

const rec = (over: Partial<FilterRecord> = {}): FilterRecord => ({
  name: "cz.icecars.fleet.Car1.Main.Air Temperature",
  time: Date.parse("2026-11-25T10:00:00Z"),
  result: 3.5,
  ...over,
});

const explain = (q: string, r = rec()) => explainSelection(parseQuery(q), r);

describe("explainSelection", () => {
  it("names the failing comparison of an AND with the value it saw", () => {
    const e = explain("SELECT * FROM * WHERE quantity = 'Air Temperature' AND result < 0");
    expect(e.selected).toBe(false);
    expect(e.reason).toBe("result < 0 is false (result is 3.5)");
  });

  it("says when the record's system is not in FROM", () => {
    const e = explain("SELECT * FROM is.iceland.*.* WHERE result < 10");
    expect(e).toMatchObject({ selected: false, reason: "its system cz.icecars.fleet.Car1 is not in FROM" });
  });

  it("lists the alternatives of an OR that all failed", () => {
    const e = explain("SELECT * FROM * WHERE quantity = 'Speed' OR result > 10");
    expect(e.reason).toBe(
      "none of the alternatives holds: quantity = 'Speed' is false (quantity is 'Air Temperature'); result > 10 is false (result is 3.5)",
    );
  });

  it("counts a missing path and says it was missing", () => {
    const e = explain("SELECT * FROM * WHERE result.temperature > 1", rec({ result: { humidity: 3 } }));
    expect(e.selected).toBe(false);
    expect(e.reason).toContain("result.temperature is missing");
    expect(e.stats.missingPath).toBe(1);
  });

  it("explains a NOT and agrees with the interpreter when the record passes", () => {
    expect(explain("SELECT * FROM * WHERE NOT result > 1").reason).toBe(
      "result > 1 holds, so NOT of it is false (result is 3.5)",
    );
    expect(explain("SELECT * FROM * WHERE result > 1")).toMatchObject({ selected: true, reason: "result > 1 holds" });
    expect(explain("SELECT * FROM *")).toMatchObject({ selected: true });
  });
});
