import type { Comparison, Expr } from "./ast";
import { ISO_TIME_EXAMPLE, parseIsoTime } from "./iso-time";
import { printExpression } from "./printer";
import { type StaticType, typeWord } from "./static-types";

/** An expression as shown in a message, shortened. */
export function show(e: Expr): string {
  const text = printExpression(e);
  return text.length > 48 ? `${text.slice(0, 45)}…` : text;
}

const ORDERING = new Set(["<", "<=", ">", ">="]);

/** Why a comparison is ill-typed (and where, when not the whole comparison); "" when reported already; or null. */
export function comparisonProblem(e: Comparison, l: StaticType, r: StaticType): string | [Expr, string] | null {
  if (l === "error" || r === "error") return "";
  if (l === "time" || r === "time") {
    const [other, t] = l === "time" ? [e.right, r] : [e.left, l];
    if (t === "time" || t === "json") return null;
    if (other.kind === "string") {
      if (parseIsoTime(other.value) !== null) return null;
      return [
        other,
        `'${other.value}' is not an ISO-8601 time such as '${ISO_TIME_EXAMPLE}' (a time of day needs Z or an offset such as +01:00)`,
      ];
    }
    if (t === "number") {
      return `a time compares with an ISO-8601 time such as '${ISO_TIME_EXAMPLE}', not with a number; for milliseconds use time arithmetic, e.g. time - 60000`;
    }
    return `a time compares with an ISO-8601 time such as '${ISO_TIME_EXAMPLE}', but ${show(other)} is ${typeWord(t)}`;
  }
  for (const [t, side] of [
    [l, e.left],
    [r, e.right],
  ] as const) {
    if (t === "object" || t === "record")
      return `${show(side)} is ${typeWord(t)} and cannot be compared; compare one of its fields`;
  }
  const booleanOrdering = ORDERING.has(e.op) && (l === "boolean" || r === "boolean");
  if (booleanOrdering) return `TRUE/FALSE values compare only with = and <>, not ${e.op}`;
  if (l === "json" || r === "json" || l === r) return null;
  return `cannot compare ${typeWord(l)} (${show(e.left)}) with ${typeWord(r)} (${show(e.right)})`;
}
