import type { Expr } from "./ast";
import { compileTest, compileValue } from "./compile-expression";
import { createStats, type FilterStats, type JoinPair, NO_VALUE, type TestFn, type ValueFn } from "./runtime";

export type JoinValue = number | string | boolean | null;

export interface CompiledJoinExpression {
  readonly expr: Expr;
  /** The value for a pair: null when a path is missing or the value is not a number, string or boolean (counted). */
  value(pair: JoinPair, stats?: FilterStats): JoinValue;
}

export interface CompiledJoinCondition {
  readonly expr: Expr;
  test(pair: JoinPair, stats?: FilterStats): boolean;
}

/** Compiles a join value expression (from parseJoinExpression) into closures. Times come out as epoch ms. */
export function compileJoinExpression(expr: Expr): CompiledJoinExpression {
  const f: ValueFn = compileValue(expr);
  const scratch = createStats();
  return {
    expr,
    value(pair, stats = scratch) {
      stats.evaluated++;
      try {
        const v = f(pair, stats);
        if (v === NO_VALUE) return null;
        if (typeof v === "object") {
          stats.typeMismatch++;
          return null;
        }
        return v;
      } catch {
        stats.internalError++;
        return null;
      }
    },
  };
}

/** Compiles a join condition (from parseJoinCondition) into closures. */
export function compileJoinCondition(expr: Expr): CompiledJoinCondition {
  const f: TestFn = compileTest(expr);
  const scratch = createStats();
  return {
    expr,
    test(pair, stats = scratch) {
      stats.evaluated++;
      try {
        const selected = f(pair, stats);
        if (selected) stats.selected++;
        return selected;
      } catch {
        stats.internalError++;
        return false;
      }
    },
  };
}

const values = new WeakMap<Expr, CompiledJoinExpression>();
const conditions = new WeakMap<Expr, CompiledJoinCondition>();

/** The value of a join expression for a pair (compiled once per expression object and cached). */
export function evaluateValue(expr: Expr, pair: JoinPair, stats?: FilterStats): JoinValue {
  let compiled = values.get(expr);
  if (compiled === undefined) {
    compiled = compileJoinExpression(expr);
    values.set(expr, compiled);
  }
  return compiled.value(pair, stats);
}

/** Whether a join condition holds for a pair (compiled once per expression object and cached). */
export function evaluateCondition(expr: Expr, pair: JoinPair, stats?: FilterStats): boolean {
  let compiled = conditions.get(expr);
  if (compiled === undefined) {
    compiled = compileJoinCondition(expr);
    conditions.set(expr, compiled);
  }
  return compiled.test(pair, stats);
}
