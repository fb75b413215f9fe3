import { describe, expect, it } from "vitest";
import { parseJoinCondition, parseJoinExpression } from "./parse-join";
import { parseQuery } from "./parse-query";
import { MAX_DEPTH, MAX_QUERY_LENGTH } from "./parser-base";
import { EXPECT, FilterSyntaxError } from "./syntax-error";

function syntaxError(parse: () => unknown): FilterSyntaxError {
  try {
    parse();
  } catch (e) {
    if (e instanceof FilterSyntaxError) return e;
    throw e;
  }
  throw new Error("parsed without an error");
}

const W = "SELECT * FROM * WHERE ";
const afterOperand = [
  EXPECT.comparison,
  EXPECT.arithmetic,
  EXPECT.and,
  EXPECT.or,
  EXPECT.xor,
  EXPECT.semicolon,
  EXPECT.end,
];
const startOfCondition = [EXPECT.operand, EXPECT.not];

interface Case {
  name: string;
  text: string;
  position: number;
  expected: string[];
  found: string;
  message?: RegExp;
}

const cases: Case[] = [
  {
    name: "unterminated string",
    text: `${W}name = 'Air Temperature`,
    position: 29,
    expected: [EXPECT.closingQuote],
    found: "end of query",
    message: /^at 1:30: unterminated string/,
  },
  {
    name: "AND at the end",
    text: `${W}result > 1 AND`,
    position: 36,
    expected: startOfCondition,
    found: "end of query",
  },
  {
    name: "result < without a right operand",
    text: `${W}result <`,
    position: 30,
    expected: [EXPECT.operand],
    found: "end of query",
  },
  { name: "= 5 without a left operand", text: `${W}= 5`, position: 22, expected: startOfCondition, found: "'='" },
  {
    name: "unknown function",
    text: `${W}foo(result) > 1`,
    position: 22,
    expected: ["abs", "haversine", "max", "min", "round", "sqrt", "timediff"],
    found: "'foo'",
    message: /unknown function 'foo': the functions are abs, haversine, max, min, round, sqrt, timediff/,
  },
  {
    name: "')' without '('",
    text: `${W}result > 1)`,
    position: 32,
    expected: [EXPECT.arithmetic, EXPECT.and, EXPECT.or, EXPECT.xor, EXPECT.semicolon, EXPECT.end],
    found: "')'",
  },
  {
    name: "'(' without ')'",
    text: `${W}(result > 1`,
    position: 33,
    expected: [EXPECT.arithmetic, EXPECT.and, EXPECT.or, EXPECT.xor, EXPECT.closeParen],
    found: "end of query",
  },
  {
    name: "two operands without an operator",
    text: `${W}result result`,
    position: 29,
    expected: afterOperand,
    found: "'result'",
    message:
      /^at 1:30: expected a comparison operator \(=, <>, <, <=, >, >=\), an arithmetic operator \(\+, -, \*, \/, %, \^\), AND, OR, XOR, ';' or end of query but found 'result'$/,
  },
  {
    name: "a number alone where a condition is due",
    text: `${W}5 result`,
    position: 24,
    expected: [EXPECT.comparison, EXPECT.arithmetic],
    found: "'result'",
  },
  {
    name: "a string alone before AND",
    text: `${W}'a' AND b`,
    position: 26,
    expected: [EXPECT.comparison, EXPECT.arithmetic],
    found: "'AND'",
  },
  {
    name: "!= instead of <>",
    text: `${W}result != 1`,
    position: 29,
    expected: afterOperand,
    found: "'!='",
    message: /\(use <> for 'not equal'\)$/,
  },
  {
    name: "double quotes",
    text: `${W}name = "x"`,
    position: 29,
    expected: [EXPECT.operand],
    found: "'\"'",
    message: /single quotes/,
  },
  {
    name: "FROM without a source",
    text: "SELECT * FROM",
    position: 13,
    expected: [EXPECT.source],
    found: "end of query",
  },
  {
    name: "a dangling comma in FROM",
    text: "SELECT * FROM *, WHERE x",
    position: 17,
    expected: [EXPECT.source],
    found: "'WHERE'",
  },
  {
    name: "a projection list",
    text: "SELECT name FROM *",
    position: 7,
    expected: [EXPECT.star],
    found: "'name'",
    message: /only SELECT \* is supported/,
  },
  { name: "no FROM", text: "SELECT * WHERE result > 1", position: 9, expected: [EXPECT.from], found: "'WHERE'" },
  { name: "no SELECT", text: "FROM * WHERE result > 1", position: 0, expected: [EXPECT.select], found: "'FROM'" },
  {
    name: "a system pattern with two levels",
    text: "SELECT * FROM cz.icecars WHERE result > 1",
    position: 14,
    expected: [EXPECT.source],
    found: "'cz.icecars'",
    message: /a system has 4 levels \(domain.enterprise.workcenter.station\), this has 2/,
  },
  {
    name: "a wildcard inside a level",
    text: "SELECT * FROM cz.icecars.Car*.x",
    position: 14,
    expected: [EXPECT.source],
    found: "'cz.icecars.Car*.x'",
    message: /'\*' stands for a whole level/,
  },
  {
    name: "an underscore in a system level",
    text: "SELECT * FROM 'cz.ice_cars.a.b'",
    position: 14,
    expected: [EXPECT.source],
    found: "the string 'cz.ice_cars.a.b'",
  },
  {
    name: "text after the semicolon",
    text: `${W}result > 1; x`,
    position: 34,
    expected: [EXPECT.end],
    found: "'x'",
  },
  {
    name: "FROM followed by junk",
    text: "SELECT * FROM * result",
    position: 16,
    expected: [EXPECT.comma, EXPECT.where, EXPECT.semicolon, EXPECT.end],
    found: "'result'",
  },
  {
    name: "a path ending in a dot",
    text: `${W}result.`,
    position: 29,
    expected: [EXPECT.field],
    found: "end of query",
  },
  { name: "an open bracket", text: `${W}result[`, position: 29, expected: [EXPECT.index], found: "end of query" },
  { name: "a negative index", text: `${W}result[-1] = 1`, position: 29, expected: [EXPECT.index], found: "'-'" },
  { name: "AND at the start", text: `${W}AND result > 1`, position: 22, expected: startOfCondition, found: "'AND'" },
  {
    name: "a chained comparison",
    text: `${W}1 < result < 3`,
    position: 33,
    expected: afterOperand.slice(1),
    found: "'<'",
  },
  {
    name: "a non-ASCII operator",
    text: `${W}result ≥ 1`,
    position: 29,
    expected: afterOperand,
    found: "'≥'",
  },
];

describe("syntax errors", () => {
  it.each(cases)("$name", ({ text, position, expected, found, message }) => {
    const e = syntaxError(() => parseQuery(text));
    expect({ position: e.position, expected: e.expected, found: e.found }).toEqual({ position, expected, found });
    expect(e.message).toMatch(new RegExp(`^at ${e.line}:${e.column}: `));
    if (message) expect(e.message).toMatch(message);
  });

  it("counts lines and columns from 1", () => {
    const e = syntaxError(() => parseQuery("SELECT * FROM * WHERE\n  result > 1 AND\n  quantity = "));
    expect([e.position, e.line, e.column]).toEqual([52, 3, 14]);
    expect(e.message).toBe(`at 3:14: expected ${EXPECT.operand} but found end of query`);
  });

  it(`refuses nesting deeper than ${MAX_DEPTH} levels with a clear error, not a stack overflow`, () => {
    const deep = (n: number) => `${W}${"(".repeat(n)}result > 1${")".repeat(n)}`;
    expect(() => parseQuery(deep(MAX_DEPTH - 5))).not.toThrow();
    const e = syntaxError(() => parseQuery(deep(30_000)));
    expect(e.message).toMatch(/nested more than 200 levels deep/);
    expect(e.position).toBe(W.length + MAX_DEPTH);
    for (const text of [
      `${W}${"NOT ".repeat(5000)}result`,
      `${W}${"-".repeat(5000)}1 > 0`,
      `${W}${"2^".repeat(5000)}2 > 0`,
      `${W}${"abs(".repeat(5000)}1${")".repeat(5000)} > 0`,
      `${W}${Array(5000).fill("1").join(" + ")} > 0`,
    ]) {
      expect(syntaxError(() => parseQuery(text)).message).toMatch(/nested more than 200 levels deep/);
    }
  });

  it(`refuses queries longer than ${MAX_QUERY_LENGTH} characters`, () => {
    const names = Array.from({ length: 2000 }, (_, i) => `name = 'is.iceland.a.b.c.d${i}'`).join(" OR ");
    const e = syntaxError(() => parseQuery(`${W}${names}`));
    expect(e.position).toBe(MAX_QUERY_LENGTH);
    expect(e.message).toMatch(/longer than 65536 characters/);
  });

  it("names left.result and right.result for a bare key in a join", () => {
    const e = syntaxError(() => parseJoinExpression("result * 2"));
    expect([e.position, e.found, e.expected]).toEqual([0, "'result'", [EXPECT.key]]);
    expect(e.message).toMatch(/write left.result or right.result/);
    expect(syntaxError(() => parseJoinCondition("left.result > 1 AND time > 2")).position).toBe(20);
    expect(syntaxError(() => parseJoinCondition("left.result > 1 AND 3")).expected).toEqual([
      EXPECT.comparison,
      EXPECT.arithmetic,
    ]);
    expect(syntaxError(() => parseJoinExpression("left['result']")).expected).toEqual([
      EXPECT.comparison,
      EXPECT.arithmetic,
      EXPECT.and,
      EXPECT.or,
      EXPECT.xor,
      EXPECT.end,
      EXPECT.dot,
    ]);
    expect(syntaxError(() => parseJoinExpression("abs(left.x")).expected).toEqual([
      EXPECT.comparison,
      EXPECT.arithmetic,
      EXPECT.and,
      EXPECT.or,
      EXPECT.xor,
      EXPECT.closeParen,
      EXPECT.comma,
    ]);
  });
});
