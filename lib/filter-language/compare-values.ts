import type { ComparisonOperator } from "./ast";
import { type FilterStats, NO_VALUE, type Value } from "./runtime";

type Ordered = number | string;

const ORDER: Record<ComparisonOperator, (a: Ordered, b: Ordered) => boolean> = {
  "=": (a, b) => a === b,
  "<>": (a, b) => a !== b,
  "<": (a, b) => a < b,
  "<=": (a, b) => a <= b,
  ">": (a, b) => a > b,
  ">=": (a, b) => a >= b,
};

/**
 * Compares two operand values with `op`: numbers as 64-bit doubles, strings by UTF-16 code units, booleans with
 * = and <> only. Any other pairing is a type mismatch (counted) and false; so is a missing value (counted where it
 * was read).
 */
export function comparator(op: ComparisonOperator): (a: Value, b: Value, stats: FilterStats) => boolean {
  const test = ORDER[op];
  const equality = op === "=" || op === "<>";
  return (a, b, stats) => {
    if (a === NO_VALUE || b === NO_VALUE) return false;
    const type = typeof a;
    if (type !== typeof b || type === "object" || (type === "boolean" && !equality)) {
      stats.typeMismatch++;
      return false;
    }
    return test(a as Ordered, b as Ordered);
  };
}
