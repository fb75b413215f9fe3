import type { Expr, Query } from "./ast";
import { compileTest, compileValue } from "./compile-expression";
import { printExpression } from "./printer";
import { createStats, type FilterRecord, type FilterStats, NO_VALUE, type Value } from "./runtime";
import { sourceMatches } from "./system-pattern";

// Why a query does or does not select a record, in words, for the "Test" of a draft query: the part of WHERE that
// decided, with the values it saw. Reads the record the way the interpreter does (the same compiled closures), so
// the explanation and the verdict cannot disagree. Slower than compileQuery (each part compiled apart): meant for
// a few hundred records, never the stream.

export interface Explanation {
  selected: boolean;
  /** Why it is not selected (or the condition that held, when it is). */
  reason: string;
  /** What did not fit while evaluating it (missing paths, type mismatches, non-finite values). */
  stats: FilterStats;
}

const MAX_VALUE_TEXT = 60;

function show(v: Value): string {
  if (v === NO_VALUE) return "missing";
  if (typeof v === "string") return `'${v.length > MAX_VALUE_TEXT ? `${v.slice(0, MAX_VALUE_TEXT)}…` : v}'`;
  if (typeof v === "object") {
    const text = JSON.stringify(v) ?? "";
    return text.length > MAX_VALUE_TEXT ? `${text.slice(0, MAX_VALUE_TEXT)}…` : text;
  }
  return String(v).toUpperCase() === "TRUE" || String(v).toUpperCase() === "FALSE"
    ? String(v).toUpperCase()
    : String(v);
}

function valueIn(e: Expr, record: FilterRecord): Value {
  return compileValue(e)(record, createStats());
}

function holds(e: Expr, record: FilterRecord): boolean {
  return compileTest(e)(record, createStats());
}

/** The values a comparison's sides had, for the words "result < 0 is false (result is 3.5)". */
function sides(e: Expr, record: FilterRecord): string {
  if (e.kind !== "compare") {
    if (e.kind === "key" || e.kind === "call") return ` (${printExpression(e)} is ${show(valueIn(e, record))})`;
    return "";
  }
  const parts: string[] = [];
  for (const side of [e.left, e.right]) {
    if (side.kind === "number" || side.kind === "string" || side.kind === "boolean") continue;
    parts.push(`${printExpression(side)} is ${show(valueIn(side, record))}`);
  }
  return parts.length > 0 ? ` (${parts.join(", ")})` : "";
}

/** Why `e` is false for the record (the deciding parts), in at most a few clauses. */
function whyFalse(e: Expr, record: FilterRecord): string {
  switch (e.kind) {
    case "logic": {
      if (e.op === "AND") {
        const failed = e.operands.find((o) => !holds(o, record));
        return failed ? whyFalse(failed, record) : `${printExpression(e, { condition: true })} is false`;
      }
      if (e.op === "OR") {
        const reasons = e.operands.slice(0, 3).map((o) => whyFalse(o, record));
        const more = e.operands.length > 3 ? ` and ${e.operands.length - 3} more alternatives` : "";
        return `none of the alternatives holds: ${reasons.join("; ")}${more}`;
      }
      const count = e.operands.filter((o) => holds(o, record)).length;
      return `an even number (${count}) of the XOR's parts hold`;
    }
    case "not":
      return `${printExpression(e.operand, { condition: true })} holds, so NOT of it is false${sides(e.operand, record)}`;
    default:
      return `${printExpression(e, { condition: true })} is false${sides(e, record)}`;
  }
}

/** Whether the query selects the record, and why (or why not), with what did not fit while evaluating it. */
export function explainSelection(query: Query, record: FilterRecord): Explanation {
  const stats = createStats();
  const system = typeof record.system === "string" ? record.system : record.name.split(".").slice(0, 4).join(".");
  if (!query.sources.some((s) => s.pattern === "*") && !sourceMatches(query, system)) {
    return { selected: false, reason: `its system ${system} is not in FROM`, stats };
  }
  if (query.where === null) return { selected: true, reason: "no WHERE: every record of FROM's systems", stats };
  let selected = false;
  try {
    selected = compileTest(query.where)(record, stats);
  } catch {
    stats.internalError++;
  }
  if (selected) return { selected, reason: `${printExpression(query.where, { condition: true })} holds`, stats };
  return { selected, reason: whyFalse(query.where, record), stats };
}
