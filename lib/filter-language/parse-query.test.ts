import { describe, expect, it } from "vitest";
import type { Expr } from "./ast";
import { parseQuery } from "./parse-query";
import { stripSpans } from "./strip-spans";
import { FilterSyntaxError } from "./syntax-error";

/** Fully parenthesised form of an expression, to show how the parser grouped it. */
function grouped(e: Expr): string {
  switch (e.kind) {
    case "number":
      return String(e.value);
    case "string":
      return `'${e.value}'`;
    case "boolean":
      return e.value ? "TRUE" : "FALSE";
    case "key":
      return [e.side, e.key].filter((p) => p !== null).join(".") + e.path.map((p) => `[${JSON.stringify(p)}]`).join("");
    case "call":
      return `${e.name}(${e.args.map(grouped).join(", ")})`;
    case "neg":
      return `(-${grouped(e.operand)})`;
    case "not":
      return `(NOT ${grouped(e.operand)})`;
    case "arith":
    case "compare":
      return `(${grouped(e.left)} ${e.op} ${grouped(e.right)})`;
    case "logic":
      return `(${e.operands.map(grouped).join(` ${e.op} `)})`;
  }
}

function where(condition: string): Expr {
  const q = parseQuery(`SELECT * FROM * WHERE ${condition}`);
  if (q.where === null) throw new Error("no WHERE");
  return q.where;
}

describe("parseQuery", () => {
  it("parses the reference demo's station query", () => {
    const q = parseQuery(
      "SELECT * FROM * WHERE (name = 'is.iceland.iot4cps-wp5-WeatherService.Stations.Station_1.Air Temperature' OR name = 'is.iceland.iot4cps-wp5-WeatherService.Stations.Station_2.Air Temperature') AND result < 30;",
    );
    expect(q.sources.map((s) => s.pattern)).toEqual(["*"]);
    expect(q.where && grouped(q.where)).toBe(
      "(((name = 'is.iceland.iot4cps-wp5-WeatherService.Stations.Station_1.Air Temperature') OR (name = 'is.iceland.iot4cps-wp5-WeatherService.Stations.Station_2.Air Temperature')) AND (result < 30))",
    );
  });

  it("gives every node its span (0-based offsets, 1-based line and column)", () => {
    const q = parseQuery("SELECT *\nFROM *\nWHERE result < 30");
    const w = q.where;
    expect(w?.span).toEqual({ start: 22, end: 33, line: 3, column: 7 });
    expect(w?.kind === "compare" && w.right.span).toEqual({ start: 31, end: 33, line: 3, column: 16 });
  });

  it("reads keywords in any case and keeps identifiers case-sensitive", () => {
    const a = stripSpans(parseQuery("select * from * where not Result = 1 and result = true or x xor y"));
    const b = stripSpans(parseQuery("SELECT * FROM * WHERE NOT Result = 1 AND result = TRUE OR x XOR y"));
    expect(a).toEqual(b);
    expect(grouped(where("Result = 1"))).toBe("(Result = 1)");
    expect(grouped(where("True = tRUE"))).toBe("(TRUE = TRUE)");
  });

  it("reads strings with '' as an escaped quote, and any other character as itself", () => {
    expect(where("name = 'it''s'")).toMatchObject({ right: { kind: "string", value: "it's" } });
    expect(where("name = ''''")).toMatchObject({ right: { value: "'" } });
    expect(where("name = ''")).toMatchObject({ right: { value: "" } });
    expect(where("name = 'a\\nb \"c\" ü 🙂'")).toMatchObject({ right: { value: 'a\\nb "c" ü 🙂' } });
  });

  it("reads numbers as 64-bit doubles", () => {
    expect(where("result = 16777217")).toMatchObject({ right: { value: 16777217 } });
    expect(where("result = 0.1")).toMatchObject({ right: { value: 0.1 } });
    expect(where("result = 1.5e3")).toMatchObject({ right: { value: 1500 } });
    expect(where("result = 2E-3")).toMatchObject({ right: { value: 0.002 } });
    expect(() => where("result = 1e999")).toThrow(/too large for a 64-bit float/);
  });

  it("reads FROM as names and patterns, quoted or not, with * at any level", () => {
    const q = parseQuery(
      "SELECT * FROM cz.icecars.*.*, 'cz.icecars.iot4cps-wp5-CarFleet.Car1', *.*.*.Car2, at.datalab.iot4cps-wp5-X.1",
    );
    expect(q.sources.map((s) => s.pattern)).toEqual([
      "cz.icecars.*.*",
      "cz.icecars.iot4cps-wp5-CarFleet.Car1",
      "*.*.*.Car2",
      "at.datalab.iot4cps-wp5-X.1",
    ]);
    expect(q.where).toBeNull();
  });

  it("accepts an optional semicolon, line breaks and tabs", () => {
    expect(stripSpans(parseQuery("SELECT\t*\nFROM *\r\nWHERE result > 1 ;"))).toEqual(
      stripSpans(parseQuery("SELECT * FROM * WHERE result > 1")),
    );
  });

  it("reads paths with fields, quoted fields and indexes, keywords allowed after a dot", () => {
    expect(where("result.a.b[0]['wind speed'] > 1")).toMatchObject({
      left: { kind: "key", key: "result", path: ["a", "b", 0, "wind speed"] },
    });
    expect(where("attributes.from = 1")).toMatchObject({ left: { key: "attributes", path: ["from"] } });
    expect(where("attributes['0'] = 1")).toMatchObject({ left: { path: ["0"] } });
    expect(() => where("result[-1] = 1")).toThrow(FilterSyntaxError);
    expect(() => where("result[1.5] = 1")).toThrow(FilterSyntaxError);
  });

  it("reads bare boolean operands as conditions (Truth results)", () => {
    expect(grouped(where("result"))).toBe("result");
    expect(grouped(where("NOT result AND TRUE"))).toBe("((NOT result) AND TRUE)");
  });

  it("keeps long AND/OR chains flat, so hundreds of alternatives stay shallow", () => {
    const names = Array.from({ length: 500 }, (_, i) => `name = 'a.b.c.d.e.f${i}'`);
    const w = where(names.join(" OR "));
    expect(w.kind === "logic" && w.operands.length).toBe(500);
  });

  it("reads function names in any case", () => {
    expect(grouped(where("ROUND(result, 2) = Abs(-1)"))).toBe("(round(result, 2) = abs((-1)))");
  });
});

describe("precedence and associativity", () => {
  const table: [string, string][] = [
    ["a = 1 XOR b = 1 OR c = 1", "((a = 1) XOR ((b = 1) OR (c = 1)))"],
    ["a = 1 OR b = 1 AND c = 1", "((a = 1) OR ((b = 1) AND (c = 1)))"],
    ["a = 1 AND b = 1 XOR c = 1 AND d = 1", "(((a = 1) AND (b = 1)) XOR ((c = 1) AND (d = 1)))"],
    ["NOT a AND b", "((NOT a) AND b)"],
    ["NOT a OR b", "((NOT a) OR b)"],
    ["NOT NOT a", "(NOT (NOT a))"],
    ["NOT a = 1", "(NOT (a = 1))"],
    ["NOT (a AND b)", "(NOT (a AND b))"],
    ["a + b * c = 1", "((a + (b * c)) = 1)"],
    ["a * b + c = 1", "(((a * b) + c) = 1)"],
    ["10 - 3 - 2 = 5", "(((10 - 3) - 2) = 5)"],
    ["10 - 3 + 2 = 9", "(((10 - 3) + 2) = 9)"],
    ["a / b / c = 1", "(((a / b) / c) = 1)"],
    ["a % b * c = 1", "(((a % b) * c) = 1)"],
    ["2 ^ 3 ^ 2 = 512", "((2 ^ (3 ^ 2)) = 512)"],
    ["-2 ^ 2 = -4", "((-(2 ^ 2)) = (-4))"],
    ["2 ^ -1 = 0.5", "((2 ^ (-1)) = 0.5)"],
    ["a * b ^ c = 1", "((a * (b ^ c)) = 1)"],
    ["- a * b = 1", "(((-a) * b) = 1)"],
    ["(a + b) * c = 1", "(((a + b) * c) = 1)"],
    ["(2 ^ 3) ^ 2 = 64", "(((2 ^ 3) ^ 2) = 64)"],
    ["(-2) ^ 2 = 4", "(((-2) ^ 2) = 4)"],
    ["a - -b = 1", "((a - (-b)) = 1)"],
    ["30 > result", "(30 > result)"],
    ["(a = 1) = (b = 1)", "((a = 1) = (b = 1))"],
  ];
  it.each(table)("%s  →  %s", (text, expected) => {
    expect(grouped(where(text))).toBe(expected);
  });

  it("does not chain comparisons", () => {
    expect(() => where("1 < result < 3")).toThrow(FilterSyntaxError);
  });
});
