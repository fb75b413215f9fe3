// Test support (not exported by index.ts): fast-check arbitraries for syntax trees and records.
import fc from "fast-check";
import type { ComparisonOperator, Expr, KeyRef, PathSegment, Query, Side } from "./ast";
import { ARITHMETIC_OPERATORS, COMPARISON_OPERATORS, LOGICAL_OPERATORS } from "./ast";
import { FUNCTION_NAMES } from "./functions";
import { KEY_NAMES } from "./keys";

export const FIELD_NAMES = ["a", "b", "temperature", "from", "wind speed", "it's", "0"];

const segment: fc.Arbitrary<PathSegment> = fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.nat({ max: 2 }));

export const numberLiteral = fc.oneof(
  fc.nat({ max: 1000 }),
  fc.double({ min: 0, max: 1e25, noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0.1, 0.2, 0.3, 16777217, 1e21, 5e-324),
);

/** ISO times: valid canonical ones and a few malformed. */
export const isoLiteral = fc.oneof(
  fc.integer({ min: 0, max: 4102444800000 }).map((ms) => new Date(ms).toISOString()),
  fc.constantFrom("yesterday", "2026-13-01T00:00:00Z", "2026-11-25T10:00:00"),
);

function keyRef(side: Side, roots: readonly string[]): fc.Arbitrary<KeyRef> {
  return fc.record({
    kind: fc.constant("key" as const),
    side: fc.constant(side),
    key: fc.constantFrom(...roots),
    path: fc.array(segment, { maxLength: 3 }),
  });
}

export interface ExprOptions {
  join?: boolean;
  depth?: number;
  /** Only key names (no unknown keys such as `x`). */
  knownKeys?: boolean;
}

/** Random expressions, well-formed or not (ill-typed trees print and parse like any other). */
export function exprArbitrary(options: ExprOptions = {}): fc.Arbitrary<Expr> {
  const roots = options.knownKeys ? KEY_NAMES : [...KEY_NAMES, "x", "Name"];
  const key: fc.Arbitrary<Expr> = options.join
    ? fc.oneof(
        fc.constantFrom("left" as const, "right" as const).chain((side) => keyRef(side, roots)),
        fc.record({
          kind: fc.constant("key" as const),
          side: fc.constantFrom("left" as const, "right" as const),
          key: fc.constant(null),
          path: fc.constant<PathSegment[]>([]),
        }),
      )
    : keyRef(null, roots);
  const { tree } = fc.letrec<{ tree: Expr }>((tie) => ({
    tree: fc.oneof(
      { depthSize: "small", maxDepth: options.depth ?? 5 },
      fc.record({ kind: fc.constant("number" as const), value: numberLiteral }),
      fc.record({ kind: fc.constant("string" as const), value: fc.oneof(fc.string(), isoLiteral) }),
      fc.record({ kind: fc.constant("boolean" as const), value: fc.boolean() }),
      key,
      key,
      fc.record({ kind: fc.constant("neg" as const), operand: tie("tree") }),
      fc.record({
        kind: fc.constant("arith" as const),
        op: fc.constantFrom(...ARITHMETIC_OPERATORS),
        left: tie("tree"),
        right: tie("tree"),
      }),
      fc.record({
        kind: fc.constant("compare" as const),
        op: fc.constantFrom(...COMPARISON_OPERATORS) as fc.Arbitrary<ComparisonOperator>,
        left: tie("tree"),
        right: tie("tree"),
      }),
      fc.record({ kind: fc.constant("not" as const), operand: tie("tree") }),
      fc.record({
        kind: fc.constant("logic" as const),
        op: fc.constantFrom(...LOGICAL_OPERATORS),
        operands: fc.array(tie("tree"), { minLength: 2, maxLength: 3 }),
      }),
      fc.record({
        kind: fc.constant("call" as const),
        name: fc.constantFrom(...FUNCTION_NAMES),
        args: fc.array(tie("tree"), { maxLength: 4 }),
      }),
    ),
  }));
  return tree;
}

const systemLevel = fc.constantFrom("cz", "icecars", "iot4cps-wp5-CarFleet", "Car1", "at", "1", "*");

export const queryArbitrary: fc.Arbitrary<Query> = fc.record({
  kind: fc.constant("query" as const),
  projection: fc.constant({ kind: "all" as const }),
  sources: fc.array(
    fc
      .oneof(
        fc.constant("*"),
        fc.array(systemLevel, { minLength: 4, maxLength: 4 }).map((levels) => levels.join(".")),
      )
      .map((pattern) => ({ kind: "source" as const, pattern })),
    { minLength: 1, maxLength: 3 },
  ),
  where: fc.option(exprArbitrary(), { nil: null }),
});
