import type { Expr, Side } from "./ast";
import { isNameKey, type NameKey } from "./keys";

/** The name keys of the datastream(s) a typing is about; null when unknown (a check without sources). */
export type NameMeta = (side: Side) => Record<NameKey, string> | null;

type Truth = boolean | null;

function nameOperand(e: Expr, meta: NameMeta): string | null | undefined {
  if (e.kind === "string") return e.value;
  if (e.kind === "key" && e.path.length === 0 && isNameKey(e.key)) return meta(e.side)?.[e.key] ?? undefined;
  return null;
}

function compareStrings(op: string, a: string, b: string): boolean {
  if (op === "=") return a === b;
  if (op === "<>") return a !== b;
  if (op === "<") return a < b;
  if (op === "<=") return a <= b;
  if (op === ">") return a > b;
  return a >= b;
}

/**
 * What a condition is for every record of a datastream, decided from its name alone (three-valued: null is "depends
 * on the record"). Comparisons in `alwaysFalse` (ill-typed for it) count as false, as they are at run time.
 */
export function staticTruth(e: Expr, meta: NameMeta, alwaysFalse?: ReadonlySet<Expr>): Truth {
  if (alwaysFalse?.has(e)) return false;
  switch (e.kind) {
    case "boolean":
      return e.value;
    case "compare": {
      const a = nameOperand(e.left, meta);
      const b = nameOperand(e.right, meta);
      if (typeof a !== "string" || typeof b !== "string") return null;
      return compareStrings(e.op, a, b);
    }
    case "not": {
      const t = staticTruth(e.operand, meta, alwaysFalse);
      return t === null ? null : !t;
    }
    case "logic": {
      const ts = e.operands.map((o) => staticTruth(o, meta, alwaysFalse));
      if (e.op === "AND") return ts.includes(false) ? false : ts.includes(null) ? null : true;
      if (e.op === "OR") return ts.includes(true) ? true : ts.includes(null) ? null : false;
      return ts.includes(null) ? null : ts.reduce<boolean>((odd, t) => odd !== t, false);
    }
    default:
      return null;
  }
}
