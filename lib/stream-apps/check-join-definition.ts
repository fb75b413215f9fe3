import "server-only";
import { invalid } from "../errors";
import {
  checkJoinCondition,
  checkJoinExpression,
  type Diagnostic,
  FilterSyntaxError,
  parseJoinCondition,
  parseJoinExpression,
  parseQuery,
  type SourceDatastream,
  type StaticType,
} from "../filter-language";
import { checkDefinition, type DefinitionCheck, syntaxDiagnostic, visibleDatastreams } from "./check-definition";
import { type JoinOutputType, type JoinSpec, joinSourcesQuery } from "./join-spec";

export interface JoinDefinitionCheck extends DefinitionCheck {
  /** Problems by field of the spec (`inputs.0.query`, `output.value`, `output.where`), for the form. */
  fieldErrors: Record<string, string[]>;
  /** The app's `query` column: the union of its inputs' FROM lists. */
  sourcesQuery: string;
  /** Per input, the datastreams its query can select. */
  inputSelects: string[][];
}

/** The value types an output datastream of each type takes. */
const FITS: Record<JoinOutputType, StaticType[]> = {
  Measurement: ["number"],
  Count: ["number"],
  Truth: ["boolean"],
  Category: ["string"],
};

const at = (d: Diagnostic) => (/^at \d+:\d+: /.test(d.message) ? d.message : `at ${d.line}:${d.column}: ${d.message}`);

/**
 * Checks a join's definition as it would be deployed now: each input's query as a filter app's (systems own or
 * granted, types), the output value and the WHERE against the datastreams the inputs can select (left: the
 * lower-numbered input of a pair, right: the higher), and the value's type against the output datastream's type.
 */
export async function checkJoinDefinition({
  companyId,
  targetSystemId,
  spec,
}: {
  companyId: string;
  targetSystemId: string;
  spec: JoinSpec;
}): Promise<JoinDefinitionCheck> {
  const fieldErrors: Record<string, string[]> = {};
  const add = (field: string, message: string) => {
    fieldErrors[field] = [...(fieldErrors[field] ?? []), message];
  };
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const sources = new Map<string, DefinitionCheck["sources"][number]>();
  const selects = new Map<string, { id: string; fullName: string }>();
  const perInput: SourceDatastream[][] = [];
  const inputSelects: string[][] = [];
  const fromLists: string[][] = [];
  for (const [i, input] of spec.inputs.entries()) {
    const check = await checkDefinition({ companyId, targetSystemId, query: input.query });
    for (const e of check.errors) {
      errors.push({ ...e, message: `Input ${input.name}: ${at(e)}` });
      add(`inputs.${i}.query`, at(e));
    }
    for (const w of check.warnings) warnings.push({ ...w, message: `Input ${input.name}: ${at(w)}` });
    for (const s of check.sources) sources.set(s.id, s);
    for (const s of check.selects) selects.set(s.id, s);
    if (check.query) fromLists.push(check.query.sources.map((s) => s.pattern));
    const visible = await visibleDatastreams(check.sources);
    const chosen = new Set(check.selects.map((s) => s.fullName));
    perInput.push(visible.filter((d) => chosen.has(d.fullName)));
    inputSelects.push([...chosen].sort());
    if (check.ok && chosen.size === 0) {
      add(`inputs.${i}.query`, "It selects no datastream of the systems it reads");
      errors.push({
        message: `Input ${input.name}: it selects no datastream`,
        position: 0,
        end: 0,
        line: 1,
        column: 1,
      });
    }
  }
  const sides = {
    left: perInput.slice(0, -1).flat(),
    right: perInput.slice(1).flat(),
  };
  const expression = (field: "output.value" | "output.where", text: string) => {
    try {
      const expr = field === "output.value" ? parseJoinExpression(text) : parseJoinCondition(text);
      const checked = field === "output.value" ? checkJoinExpression(expr, sides) : checkJoinCondition(expr, sides);
      for (const e of checked.errors) {
        errors.push({ ...e, message: `${field === "output.value" ? "Output value" : "WHERE"}: ${at(e)}` });
        add(field, at(e));
      }
      warnings.push(...checked.warnings);
      return checked;
    } catch (error) {
      if (!(error instanceof FilterSyntaxError)) throw error;
      const d = syntaxDiagnostic(error);
      errors.push({ ...d, message: `${field === "output.value" ? "Output value" : "WHERE"}: ${d.message}` });
      add(field, d.message);
      return null;
    }
  };
  const value = expression("output.value", spec.output.value);
  if (spec.output.where.trim() !== "") expression("output.where", spec.output.where);
  const fits = FITS[spec.output.observationType];
  if (value?.ok && value.valueTypes.length > 0 && !value.valueTypes.some((t) => fits.includes(t))) {
    const message = `The value is ${value.valueTypes.join(" or ")}, which a ${spec.output.observationType} datastream does not take`;
    errors.push({ message, position: 0, end: 0, line: 1, column: 1 });
    add("output.observationType", message);
  }
  const sourcesQuery = joinSourcesQuery(fromLists);
  return {
    ok: errors.length === 0,
    errors,
    warnings,
    query: parseQuery(sourcesQuery),
    sources: [...sources.values()],
    selects: [...selects.values()],
    fieldErrors,
    sourcesQuery,
    inputSelects,
  };
}

/** The 422 a save or deploy of a join answers with, naming the fields. */
export function joinDefinitionRefusal(check: JoinDefinitionCheck) {
  const fields = Object.fromEntries(Object.entries(check.fieldErrors).map(([k, v]) => [`spec.${k}`, v]));
  return invalid(`The join cannot be deployed: ${check.errors.map((e) => e.message).join("; ")}`, fields);
}
