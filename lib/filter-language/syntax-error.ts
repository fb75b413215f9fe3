import { lineColumn } from "./position";

// What the parser can expect at a place, as shown to the user. The order of this list is the order in which
// alternatives are named in a message: the likeliest fix first.
export const EXPECT = {
  comparison: "a comparison operator (=, <>, <, <=, >, >=)",
  arithmetic: "an arithmetic operator (+, -, *, /, %, ^)",
  operand: "an operand (a number, a 'string', a key, a function call or '(')",
  not: "NOT",
  and: "AND",
  or: "OR",
  xor: "XOR",
  closeParen: "')'",
  comma: "','",
  closeBracket: "']'",
  where: "WHERE",
  semicolon: "';'",
  end: "end of query",
  select: "SELECT",
  star: "'*'",
  from: "FROM",
  source: "a source system (domain.enterprise.workcenter.station, '*' for any level, or quoted)",
  field: "a field name",
  index: "an index (0, 1, …) or a quoted field name",
  key: "a key (left.… or right.…)",
  dot: "'.'",
  closingQuote: "the closing quote (')",
} as const;

const order: string[] = Object.values(EXPECT);

function rank(label: string): number {
  const i = order.indexOf(label);
  return i === -1 ? order.length : i;
}

function list(items: string[]): string {
  if (items.length <= 1) return items[0] ?? "nothing";
  return `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

export interface SyntaxErrorInit {
  text: string;
  position: number;
  expected: Iterable<string>;
  found: string;
  /** Added in parentheses after the usual message: a hint such as "use <> for 'not equal'". */
  note?: string;
  /** Replaces "expected … but found …" where that would not say what is wrong (nesting too deep, too long). */
  problem?: string;
}

/**
 * A query that does not parse: where (0-based `position`, 1-based `line` and `column`), what would have been valid
 * there (`expected`), and what was there instead (`found`: a quoted token or "end of query").
 */
export class FilterSyntaxError extends Error {
  readonly position: number;
  readonly line: number;
  readonly column: number;
  readonly expected: string[];
  readonly found: string;

  constructor(init: SyntaxErrorInit) {
    const sorted = [...new Set(init.expected)].sort((a, b) => rank(a) - rank(b));
    const { line, column } = lineColumn(init.text, init.position);
    const what = init.problem ?? `expected ${list(sorted)} but found ${init.found}`;
    super(`at ${line}:${column}: ${what}${init.note ? ` (${init.note})` : ""}`);
    this.name = "FilterSyntaxError";
    this.position = init.position;
    this.line = line;
    this.column = column;
    this.expected = sorted;
    this.found = init.found;
  }
}
