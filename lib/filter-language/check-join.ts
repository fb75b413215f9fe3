import type { Expr } from "./ast";
import { type Diagnostic, diagnosticAt, findingKey, mergeFindings } from "./diagnostic";
import { type Finding, TypeInference } from "./infer-types";
import { type SourceDatastream, type SourceView, UNKNOWN_SOURCE } from "./source-datastream";
import { type StaticType, typeWord } from "./static-types";

export interface JoinSources {
  left: readonly SourceDatastream[];
  right: readonly SourceDatastream[];
}

export interface JoinCheckResult {
  ok: boolean;
  errors: Diagnostic[];
  warnings: Diagnostic[];
  /** Types the value can have over the pairs of datastreams (a condition: ["boolean"]). */
  valueTypes: StaticType[];
}

/** Datastreams of one side, one per distinct typing (observation type and result schema). */
function typingsOf(sources: readonly SourceDatastream[]): { view: SourceView; names: string[] }[] {
  const groups = new Map<string, { view: SourceView; names: string[] }>();
  for (const s of sources) {
    const key = `${s.observationType}:${JSON.stringify(s.resultSchema ?? null)}`;
    const group = groups.get(key) ?? { view: s, names: [] };
    group.names.push(s.fullName);
    groups.set(key, group);
  }
  return groups.size > 0 ? [...groups.values()] : [{ view: UNKNOWN_SOURCE, names: [] }];
}

function typeOnce(
  expr: Expr,
  kind: "value" | "condition",
  left: SourceView,
  right: SourceView,
): { findings: Finding[]; type: StaticType } {
  const inference = new TypeInference({
    mode: "join",
    view: (side) => (side === "right" ? right : left),
    meta: () => null,
  });
  if (kind === "condition") {
    inference.condition(expr);
    return { findings: inference.findings, type: "boolean" };
  }
  const type = inference.type(expr);
  if (type === "object" || type === "record") {
    inference.findings.push({ node: expr, message: `the value is ${typeWord(type)}: choose a field of it` });
  }
  return { findings: inference.findings, type };
}

function checkJoin(expr: Expr, sources: JoinSources, kind: "value" | "condition"): JoinCheckResult {
  const generic = typeOnce(expr, kind, UNKNOWN_SOURCE, UNKNOWN_SOURCE).findings;
  const independent = new Set(generic.map(findingKey));
  const errors = mergeFindings([{ names: [], findings: generic }], "");
  const typings: { names: string[]; findings: Finding[]; type: StaticType }[] = [];
  for (const l of typingsOf(sources.left)) {
    for (const r of typingsOf(sources.right)) {
      const { findings, type } = typeOnce(expr, kind, l.view, r.view);
      const names = [...l.names.map((n) => `left ${n}`), ...r.names.map((n) => `right ${n}`)];
      typings.push({ names, type, findings: findings.filter((f) => !independent.has(findingKey(f))) });
    }
  }
  const illTyped = typings.filter((t) => t.findings.length > 0);
  const warnings: Diagnostic[] = [];
  if (illTyped.length > 0 && illTyped.length === typings.length) errors.push(...mergeFindings(illTyped, ""));
  else warnings.push(...mergeFindings(illTyped, "; such pairs give no value"));
  const valueTypes = [...new Set(typings.filter((t) => t.findings.length === 0).map((t) => t.type))].filter(
    (t) => t !== "error",
  );
  if (sources.left.length === 0 || sources.right.length === 0) {
    warnings.push(diagnosticAt(expr.span, "checked without the datastreams of both sides: result types are unknown"));
  }
  return { ok: errors.length === 0, errors, warnings, valueTypes };
}

/** Checks a join value expression for every pair of left and right datastream typings (errors when none fits). */
export function checkJoinExpression(expr: Expr, sources: JoinSources): JoinCheckResult {
  return checkJoin(expr, sources, "value");
}

/** Checks a join condition like checkJoinExpression; the condition must be TRUE/FALSE valued. */
export function checkJoinCondition(expr: Expr, sources: JoinSources): JoinCheckResult {
  return checkJoin(expr, sources, "condition");
}
