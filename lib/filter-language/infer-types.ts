import type { Arithmetic, Comparison, Expr, FunctionCall, KeyRef, Side } from "./ast";
import { comparisonProblem, show } from "./comparison-rules";
import { FUNCTIONS } from "./functions";
import { parseIsoTime } from "./iso-time";
import { isKeyName, KEY_NAMES } from "./keys";
import type { ParseMode } from "./operand-parser";
import { printExpression } from "./printer";
import { MAX_ROUND_DIGITS } from "./round-half-away";
import type { SourceView } from "./source-datastream";
import { type NameMeta, staticTruth } from "./static-truth";
import { resultType, type StaticType, schemaStep, schemaType, typeWord } from "./static-types";

/** One typing of an expression: which datastream (of each side) it is about. */
export interface TypeEnv {
  mode: ParseMode;
  view(side: Side): SourceView;
  meta: NameMeta;
}

export interface Finding {
  node: Expr;
  message: string;
}

/** The number a literal (or a negated literal) stands for. */
function literalValue(e: Expr | undefined): number | undefined {
  if (e?.kind === "number") return e.value;
  if (e?.kind === "neg" && e.operand.kind === "number") return -e.operand.value;
  return undefined;
}

const usableNumber = (t: StaticType) => t === "number" || t === "json";

/**
 * Type inference for one typing. Findings inside a branch that the datastream's name already decides (an AND with
 * an operand false for it, an OR with one true) are not kept: that branch cannot change the outcome for it.
 * Comparisons and bare conditions that are ill-typed are collected in `alwaysFalse`: at run time they are false.
 */
export class TypeInference {
  readonly findings: Finding[] = [];
  readonly alwaysFalse = new Set<Expr>();
  private muted = 0;

  constructor(private readonly env: TypeEnv) {}

  private report(node: Expr, message: string): "error" {
    if (this.muted === 0) this.findings.push({ node, message });
    return "error";
  }

  /** Checks that `e` can stand as a condition (TRUE/FALSE valued). */
  condition(e: Expr): void {
    const t = this.type(e);
    if (t === "boolean" || t === "json") return;
    this.alwaysFalse.add(e);
    if (t === "error") return;
    const example =
      t === "number"
        ? `: compare it, e.g. ${show(e)} > 0`
        : t === "string"
          ? `: compare it, e.g. ${show(e)} = 'on'`
          : "";
    this.report(e, `a condition must be TRUE or FALSE, but ${show(e)} is ${typeWord(t)}${example}`);
  }

  type(e: Expr): StaticType {
    switch (e.kind) {
      case "number":
        return "number";
      case "string":
        return "string";
      case "boolean":
        return "boolean";
      case "key":
        return this.key(e);
      case "call":
        return this.call(e);
      case "neg": {
        const t = this.type(e.operand);
        if (t === "error" || usableNumber(t)) return t === "error" ? t : "number";
        return this.report(e, `'-' needs a number, but ${show(e.operand)} is ${typeWord(t)}`);
      }
      case "arith":
        return this.arith(e);
      case "compare":
        return this.compare(e);
      case "not":
        this.condition(e.operand);
        return "boolean";
      case "logic": {
        const decides = e.op === "AND" ? false : e.op === "OR" ? true : null;
        const decided = decides !== null && e.operands.some((o) => staticTruth(o, this.env.meta) === decides);
        if (decided) this.muted++;
        for (const o of e.operands) this.condition(o);
        if (decided) this.muted--;
        return "boolean";
      }
    }
  }

  private key(e: KeyRef): StaticType {
    if (e.key === null) return "record";
    const shown = e.side ? `${e.side}.${e.key}` : e.key;
    if (!isKeyName(e.key)) {
      const hint = e.side === null && (e.key === "left" || e.key === "right") ? "; left and right are for joins" : "";
      return this.report(e, `unknown key '${shown}': the keys are ${KEY_NAMES.join(", ")}${hint}`);
    }
    const view = this.env.view(e.side);
    if (e.key === "attributes") return e.path.length === 0 ? "object" : "json";
    if (e.key === "time" || e.key === "resultTime") {
      return e.path.length === 0 ? "time" : this.report(e, `${shown} is a time and has no fields`);
    }
    if (e.key !== "result") {
      if (e.path.length === 0) return "string";
      return this.report(e, `${shown} is a string and has no fields: paths apply to result and attributes`);
    }
    if (e.path.length === 0) return resultType(view);
    if (view.observationType === null) return "json";
    if (view.observationType !== "Observation") {
      return this.report(
        e,
        `${show(e)}: the result of a ${view.observationType} datastream is ${typeWord(resultType(view))} and has no fields; paths apply to Observation results`,
      );
    }
    let schema: unknown = view.resultSchema;
    for (const [i, step] of e.path.entries()) {
      const next = schemaStep(schema, step);
      if ("problem" in next) {
        const at = printExpression({ ...e, path: e.path.slice(0, i) });
        return this.report(e, `${show(e)}: ${at} cannot be followed by this step: ${next.problem}`);
      }
      schema = next.schema;
    }
    return schemaType(schema);
  }

  private call(e: FunctionCall): StaticType {
    const spec = FUNCTIONS.get(e.name);
    if (spec === undefined) return this.report(e, `unknown function '${e.name}'`);
    let result: StaticType = "number";
    const n = e.args.length;
    if (n < spec.minArgs || n > spec.maxArgs) {
      const count =
        spec.maxArgs === spec.minArgs
          ? `${spec.minArgs}`
          : spec.maxArgs === Number.POSITIVE_INFINITY
            ? `at least ${spec.minArgs}`
            : `${spec.minArgs} or ${spec.maxArgs}`;
      result = this.report(
        e,
        `${e.name} takes ${count} argument${spec.maxArgs === 1 ? "" : "s"} (${spec.signature}), not ${n}`,
      );
    }
    for (const a of e.args) {
      const t = this.type(a);
      if (t === "error") result = "error";
      else if (spec.argument === "time") {
        if (t === "record" || t === "time" || t === "json") continue;
        if (a.kind === "string" && parseIsoTime(a.value) !== null) continue;
        result = this.report(
          a,
          `${e.name} takes two records or times, e.g. ${e.name}(left, right), but ${show(a)} is ${typeWord(t)}`,
        );
      } else if (!usableNumber(t)) {
        result = this.report(a, `${e.name} needs numbers, but ${show(a)} is ${typeWord(t)}`);
      }
    }
    const digits = e.name === "round" ? literalValue(e.args[1]) : undefined;
    if (digits !== undefined && !(Number.isInteger(digits) && Math.abs(digits) <= MAX_ROUND_DIGITS)) {
      result = this.report(
        e.args[1] as Expr,
        `round's digits must be an integer from -${MAX_ROUND_DIGITS} to ${MAX_ROUND_DIGITS}`,
      );
    }
    return result;
  }

  private arith(e: Arithmetic): StaticType {
    const l = this.type(e.left);
    const r = this.type(e.right);
    if (l === "error" || r === "error") return "error";
    for (const [t, side] of [
      [l, e.left],
      [r, e.right],
    ] as const) {
      if (!usableNumber(t) && t !== "time") {
        return this.report(side, `'${e.op}' needs numbers, but ${show(side)} is ${typeWord(t)}`);
      }
    }
    if (l !== "time" && r !== "time") return "number";
    if (e.op === "+" && (l === "time") !== (r === "time")) return "time";
    if (e.op === "-" && l === "time") return r === "time" ? "number" : "time";
    const why =
      e.op === "+"
        ? "two times cannot be added"
        : e.op === "-"
          ? "a time cannot be subtracted from a number"
          : `'${e.op}' does not apply to times`;
    return this.report(e, `${why}: a time plus or minus milliseconds is a time, and time - time is milliseconds`);
  }

  private compare(e: Comparison): StaticType {
    const l = this.type(e.left);
    const r = this.type(e.right);
    const problem = comparisonProblem(e, l, r);
    if (problem !== null) {
      this.alwaysFalse.add(e);
      if (problem !== "") {
        const [node, message] = typeof problem === "string" ? [e, problem] : problem;
        this.report(node, message);
      }
    }
    return "boolean";
  }
}
