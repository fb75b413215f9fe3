import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exprArbitrary, queryArbitrary } from "./ast-arbitraries";
import { parseJoinCondition, parseJoinExpression } from "./parse-join";
import { parseQuery } from "./parse-query";
import { printExpression, printQuery } from "./printer";
import { stripSpans } from "./strip-spans";

const canonical = (text: string) => printQuery(parseQuery(text));

describe("printQuery", () => {
  it("prints canonical text: upper-case keywords, single spaces, minimal parentheses, no semicolon", () => {
    expect(
      canonical(
        "select *  from cz.icecars.*.*,'cz.icecars.iot4cps-wp5-CarFleet.Car1' where quantity='Air Temperature' and result<0;",
      ),
    ).toBe(
      "SELECT * FROM cz.icecars.*.*, cz.icecars.iot4cps-wp5-CarFleet.Car1 WHERE quantity = 'Air Temperature' AND result < 0",
    );
    expect(canonical("SELECT * FROM *")).toBe("SELECT * FROM *");
    expect(canonical("SELECT * FROM * WHERE ((a = 1) OR (b = 1)) AND (NOT (c))")).toBe(
      "SELECT * FROM * WHERE (a = 1 OR b = 1) AND NOT c",
    );
  });

  it("keeps the parentheses that grouping needs and drops the others", () => {
    const cases: [string, string][] = [
      ["(10 - 3) - 2 = 5", "10 - 3 - 2 = 5"],
      ["10 - (3 - 2) = 9", "10 - (3 - 2) = 9"],
      ["2 ^ (3 ^ 2) = 512", "2^3^2 = 512"],
      ["(2 ^ 3) ^ 2 = 64", "(2^3)^2 = 64"],
      ["-(2 ^ 2) = -4", "-2^2 = -4"],
      ["(-2) ^ 2 = 4", "(-2)^2 = 4"],
      ["2 ^ (-1) = 0.5", "2^-1 = 0.5"],
      ["-(-(x)) = 1", "--x = 1"],
      ["(a * b) + c = 1", "a * b + c = 1"],
      ["a * (b + c) = 1", "a * (b + c) = 1"],
      ["(a OR b) OR c", "(a OR b) OR c"],
      ["a OR (b AND c)", "a OR b AND c"],
      ["NOT (a AND b)", "NOT (a AND b)"],
      ["(a = 1) = (b = 1)", "(a = 1) = (b = 1)"],
      ["(5) AND x", "(5) AND x"],
      ["(result)", "result"],
    ];
    for (const [input, output] of cases)
      expect(canonical(`SELECT * FROM * WHERE ${input}`)).toBe(`SELECT * FROM * WHERE ${output}`);
  });

  it("prints strings with '' for a quote, path steps that are not identifiers in brackets, numbers exactly", () => {
    expect(canonical("SELECT * FROM * WHERE name = 'it''s'")).toBe("SELECT * FROM * WHERE name = 'it''s'");
    expect(canonical("SELECT * FROM * WHERE result['a'][0]['wind speed'].from = 1")).toBe(
      "SELECT * FROM * WHERE result.a[0]['wind speed'].from = 1",
    );
    expect(canonical("SELECT * FROM * WHERE result = 1e21 OR result = 0.30000000000000004 OR result = 1.50")).toBe(
      "SELECT * FROM * WHERE result = 1e+21 OR result = 0.30000000000000004 OR result = 1.5",
    );
  });

  it("prints join expressions with their sides", () => {
    const text = "haversine(left.result, left.attributes.longitude, right.result, right.attributes.longitude) < 1.23";
    expect(printExpression(parseJoinCondition(text))).toBe(text);
    expect(printExpression(parseJoinExpression("timediff(left,right)"))).toBe("timediff(left, right)");
  });
});

describe("round trip (property)", () => {
  it("parseQuery(printQuery(q)) equals q for random queries", () => {
    fc.assert(
      fc.property(queryArbitrary, (q) => {
        expect(stripSpans(parseQuery(printQuery(q)))).toEqual(q);
      }),
      { numRuns: 1000 },
    );
  });

  it("parseJoinExpression(printExpression(e)) equals e for random join expressions", () => {
    fc.assert(
      fc.property(exprArbitrary({ join: true }), (e) => {
        expect(stripSpans(parseJoinExpression(printExpression(e)))).toEqual(e);
        expect(stripSpans(parseJoinCondition(printExpression(e, { condition: true })))).toEqual(e);
      }),
      { numRuns: 500 },
    );
  });

  it("printing is idempotent: canonical text prints as itself", () => {
    fc.assert(
      fc.property(queryArbitrary, (q) => {
        const text = printQuery(q);
        expect(printQuery(parseQuery(text))).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});
