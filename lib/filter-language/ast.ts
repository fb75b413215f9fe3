// The filter language's syntax tree. Plain data (JSON-serialisable), shared by the parser, printer, checker and
// interpreter. Every node the parser builds carries a `span` (where it was in the text); hand-built nodes may leave
// it out, and `stripSpans` removes it to compare trees.

/** A place in the query text: 0-based offsets [start, end), 1-based line and column of `start`. */
export interface Span {
  start: number;
  end: number;
  line: number;
  column: number;
}

export const COMPARISON_OPERATORS = ["=", "<>", "<", "<=", ">", ">="] as const;
export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];

export const ARITHMETIC_OPERATORS = ["+", "-", "*", "/", "%", "^"] as const;
export type ArithmeticOperator = (typeof ARITHMETIC_OPERATORS)[number];

export const LOGICAL_OPERATORS = ["AND", "OR", "XOR"] as const;
export type LogicalOperator = (typeof LOGICAL_OPERATORS)[number];

/** Which record of a join a key reads; `null` in an ordinary filter query (the one record). */
export type Side = "left" | "right" | null;

/** A step of a path: a string for `.field` or `['field']`, a number for `[index]`. */
export type PathSegment = string | number;

export interface NumberLiteral {
  kind: "number";
  /** Finite and not negative: `-2` is a negation of 2. */
  value: number;
  span?: Span;
}

export interface StringLiteral {
  kind: "string";
  value: string;
  span?: Span;
}

export interface BooleanLiteral {
  kind: "boolean";
  value: boolean;
  span?: Span;
}

/**
 * A key of a record with an optional path: `result.a[0]`, `attributes.latitude`, `left.time`. `key` is null only
 * for a whole record of a join (`left`, `right`), which only `timediff` takes.
 */
export interface KeyRef {
  kind: "key";
  side: Side;
  key: string | null;
  path: PathSegment[];
  span?: Span;
}

export interface FunctionCall {
  kind: "call";
  /** Lower case, one of FUNCTION_NAMES. */
  name: string;
  args: Expr[];
  span?: Span;
}

export interface Negation {
  kind: "neg";
  operand: Expr;
  span?: Span;
}

export interface Arithmetic {
  kind: "arith";
  op: ArithmeticOperator;
  left: Expr;
  right: Expr;
  span?: Span;
}

export interface Comparison {
  kind: "compare";
  op: ComparisonOperator;
  left: Expr;
  right: Expr;
  span?: Span;
}

export interface Not {
  kind: "not";
  operand: Expr;
  span?: Span;
}

/** `a AND b AND c` is one node with three operands (so long chains stay shallow); parentheses nest nodes. */
export interface Logical {
  kind: "logic";
  op: LogicalOperator;
  operands: Expr[];
  span?: Span;
}

export type Expr =
  | NumberLiteral
  | StringLiteral
  | BooleanLiteral
  | KeyRef
  | FunctionCall
  | Negation
  | Arithmetic
  | Comparison
  | Not
  | Logical;

/** `SELECT *`. A list of output keys may join this union later. */
export interface ProjectAll {
  kind: "all";
  span?: Span;
}
export type Projection = ProjectAll;

/** A FROM entry: `*`, or four dot-separated levels each a name or `*` (`cz.icecars.*.*`). */
export interface SourcePattern {
  kind: "source";
  pattern: string;
  span?: Span;
}

export interface Query {
  kind: "query";
  projection: Projection;
  sources: SourcePattern[];
  where: Expr | null;
  span?: Span;
}
