import type { Expr } from "./ast";
import { isTimeKey } from "./keys";

/**
 * Whether an expression is a time, by its form alone: `time`, `resultTime` (of either record in a join), and
 * time ± milliseconds. (time − time is a number of milliseconds.) The checker and the compiler both use this, so
 * an ISO-8601 string compared with a time is read as a time in the same places.
 */
export function isTimeValued(e: Expr): boolean {
  if (e.kind === "key") return isTimeKey(e.key) && e.path.length === 0;
  if (e.kind !== "arith") return false;
  if (e.op === "+") return isTimeValued(e.left) !== isTimeValued(e.right);
  if (e.op === "-") return isTimeValued(e.left) && !isTimeValued(e.right);
  return false;
}
