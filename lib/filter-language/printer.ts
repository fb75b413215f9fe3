import type { Expr, PathSegment, Query } from "./ast";

// Canonical text: upper-case keywords, single spaces, as few parentheses as the precedence table allows, so that
// parsing the printed text gives back the same tree (spans aside).

const PRECEDENCE = {
  XOR: 1,
  OR: 2,
  AND: 3,
  not: 4,
  compare: 5,
  "+": 6,
  "-": 6,
  "*": 7,
  "/": 7,
  "%": 7,
  neg: 8,
  "^": 9,
  primary: 10,
} as const;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function printString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

function printSegment(segment: PathSegment): string {
  if (typeof segment === "number") return `[${segment}]`;
  return IDENTIFIER.test(segment) ? `.${segment}` : `[${printString(segment)}]`;
}

function precedenceOf(e: Expr): number {
  switch (e.kind) {
    case "logic":
      return PRECEDENCE[e.op];
    case "not":
      return PRECEDENCE.not;
    case "compare":
      return PRECEDENCE.compare;
    case "arith":
      return PRECEDENCE[e.op];
    case "neg":
      return PRECEDENCE.neg;
    default:
      return PRECEDENCE.primary;
  }
}

/** `e` printed so that it parses back as one operand of precedence at least `min`. */
function at(e: Expr, min: number): string {
  const text = print(e);
  return precedenceOf(e) < min ? `(${text})` : text;
}

/** Where a condition is expected the parser refuses a bare number, string or arithmetic, but not one in parentheses. */
const NOT_A_CONDITION = new Set<Expr["kind"]>(["number", "string", "neg", "arith"]);

function asCondition(e: Expr, min: number): string {
  return NOT_A_CONDITION.has(e.kind) ? `(${print(e)})` : at(e, min);
}

function print(e: Expr): string {
  switch (e.kind) {
    case "number":
      return String(e.value);
    case "string":
      return printString(e.value);
    case "boolean":
      return e.value ? "TRUE" : "FALSE";
    case "key": {
      const root = [e.side, e.key].filter((p) => p !== null).join(".");
      return root + e.path.map(printSegment).join("");
    }
    case "call":
      return `${e.name}(${e.args.map((a) => at(a, 0)).join(", ")})`;
    case "neg":
      return `-${at(e.operand, PRECEDENCE.neg)}`;
    case "arith": {
      const p = PRECEDENCE[e.op];
      // Left-associative operators take a same-level left operand bare; ^ is right-associative and its exponent is
      // a unary operand (2^-1).
      if (e.op === "^") return `${at(e.left, PRECEDENCE.primary)}^${at(e.right, PRECEDENCE.neg)}`;
      return `${at(e.left, p)} ${e.op} ${at(e.right, p + 1)}`;
    }
    case "compare":
      return `${at(e.left, PRECEDENCE["+"])} ${e.op} ${at(e.right, PRECEDENCE["+"])}`;
    case "not":
      return `NOT ${asCondition(e.operand, PRECEDENCE.not)}`;
    case "logic":
      return e.operands.map((o) => asCondition(o, PRECEDENCE[e.op] + 1)).join(` ${e.op} `);
  }
}

/** An expression as canonical text; `condition` for one that parseJoinCondition is to read back. */
export function printExpression(expr: Expr, options: { condition?: boolean } = {}): string {
  return options.condition ? asCondition(expr, 0) : print(expr);
}

/** A query as canonical text: `SELECT * FROM a.b.*.*, … WHERE …`, no trailing semicolon. */
export function printQuery(query: Query): string {
  const from = query.sources.map((s) => s.pattern).join(", ");
  const where = query.where ? ` WHERE ${asCondition(query.where, 0)}` : "";
  return `SELECT * FROM ${from}${where}`;
}
