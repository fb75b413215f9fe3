import type { Expr, Query } from "./ast";
import { type Diagnostic, diagnosticAt, findingKey, mergeFindings } from "./diagnostic";
import { type Finding, TypeInference } from "./infer-types";
import { isNameKey, nameLevels } from "./keys";
import { type SourceDatastream, UNKNOWN_SOURCE } from "./source-datastream";
import { staticTruth } from "./static-truth";
import { matchesSystemPattern, sourceMatches, systemOf } from "./system-pattern";
import { nodesOf } from "./tree";

export interface CheckResult {
  /** No errors: the query may be deployed. */
  ok: boolean;
  errors: Diagnostic[];
  warnings: Diagnostic[];
  /** Full names of the source datastreams whose records the query can select, in the order given. */
  selects: string[];
}

function typingFor(where: Expr, source: SourceDatastream | null): TypeInference {
  const meta = source === null ? null : nameLevels(source.fullName);
  const inference = new TypeInference({ mode: "filter", view: () => source ?? UNKNOWN_SOURCE, meta: () => meta });
  inference.condition(where);
  return inference;
}

/** Warnings for `name = '…'` (and thing, quantity, system) naming nothing among the FROM-selected datastreams. */
function unknownNameWarnings(where: Expr, inFrom: SourceDatastream[]): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  const levels = inFrom.map((s) => nameLevels(s.fullName));
  for (const node of nodesOf(where)) {
    if (node.kind !== "compare" || node.op !== "=") continue;
    const [key, literal] = node.left.kind === "key" ? [node.left, node.right] : [node.right, node.left];
    if (key.kind !== "key" || key.side !== null || key.path.length > 0 || !isNameKey(key.key)) continue;
    if (literal.kind !== "string") continue;
    const name = key.key;
    if (levels.some((l) => l[name] === literal.value)) continue;
    const what = name === "name" ? "datastream" : `datastream with ${name}`;
    warnings.push(
      diagnosticAt(literal.span, `no source ${what} '${literal.value}' is in FROM's systems: this selects nothing`),
    );
  }
  return warnings;
}

/**
 * Checks a parsed query against the datastreams of its app's sources, at deploy time.
 *
 * Typing is per source datastream: the query is typed once for each datastream FROM selects and the name keys
 * (name, thing, quantity, system) do not rule out. A type error found for every such datastream is an error; one
 * found for some of them only is a warning naming them (their records make that comparison false at run time).
 * Errors that do not depend on a datastream (an unknown key, a wrong number of arguments, a malformed ISO-8601
 * time) are always errors.
 */
export function checkQuery(query: Query, sources: readonly SourceDatastream[]): CheckResult {
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const where = query.where;
  const inFrom = sources.filter((s) => sourceMatches(query, systemOf(s.fullName)));
  if (sources.length > 0) {
    for (const p of query.sources) {
      if (!sources.some((s) => matchesSystemPattern(p.pattern, systemOf(s.fullName)))) {
        warnings.push(diagnosticAt(p.span, `FROM ${p.pattern} matches none of the source systems`));
      }
    }
  }
  let selects = inFrom;
  if (where !== null) {
    const generic = typingFor(where, null).findings;
    const independent = new Set(generic.map(findingKey));
    errors.push(...mergeFindings([{ names: [], findings: generic }], ""));
    const candidates = inFrom.filter((s) => staticTruth(where, () => nameLevels(s.fullName)) !== false);
    const typed = candidates.map((source) => {
      const inference = typingFor(where, source);
      const findings: Finding[] = inference.findings.filter((f) => !independent.has(findingKey(f)));
      return { source, inference, findings, names: [source.fullName] };
    });
    const illTyped = typed.filter((t) => t.findings.length > 0);
    if (illTyped.length > 0 && illTyped.length === typed.length) {
      errors.push(...mergeFindings(illTyped, ""));
    } else {
      warnings.push(...mergeFindings(illTyped, "; their records never satisfy this part"));
    }
    if (sources.length > 0) warnings.push(...unknownNameWarnings(where, inFrom));
    selects = typed
      .filter((t) => staticTruth(where, () => nameLevels(t.source.fullName), t.inference.alwaysFalse) !== false)
      .map((t) => t.source);
  }
  if (selects.length === 0 && errors.length === 0) {
    const why =
      sources.length === 0
        ? "no source datastreams were given"
        : inFrom.length === 0
          ? "FROM matches none of the source systems"
          : "no source datastream can satisfy the condition";
    warnings.push(diagnosticAt(query.span, `the query selects nothing from its sources: ${why}`));
  }
  return { ok: errors.length === 0, errors, warnings, selects: selects.map((s) => s.fullName) };
}
