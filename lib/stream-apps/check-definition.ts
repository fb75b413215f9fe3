import "server-only";
import { invalid } from "../errors";
import {
  checkQuery,
  type Diagnostic,
  FilterSyntaxError,
  parseQuery,
  type Query,
  type SourceDatastream,
} from "../filter-language";
import { grantCovers } from "../grants/grant-state";
import { sourceDatastreamsOf } from "../grants/source-datastreams";
import { readableSystems } from "./readable-systems";
import { type ReadableSystem, selectSources } from "./source-plan";

export interface DefinitionCheck {
  ok: boolean;
  errors: Diagnostic[];
  warnings: Diagnostic[];
  query: Query | null;
  /** The systems the app reads (own, or granted) and the grants it reads them under. */
  sources: ReadableSystem[];
  /** The source datastreams the query can select. */
  selects: { id: string; fullName: string }[];
}

/** A syntax error as a diagnostic (its message already says where). */
export function syntaxDiagnostic(error: FilterSyntaxError): Diagnostic {
  return {
    message: error.message,
    position: error.position,
    end: error.position + 1,
    line: error.line,
    column: error.column,
  };
}

/** The datastreams of the sources the app may see: all of an own system's, a granted system's covered ones. */
export async function visibleDatastreams(
  sources: readonly ReadableSystem[],
): Promise<(SourceDatastream & { id: string })[]> {
  const all = await sourceDatastreamsOf(sources.map((s) => s.id));
  const bySystem = new Map(sources.map((s) => [s.id, s]));
  const gates = new Map(
    sources.map((s) => [
      s.name,
      s.own ? () => true : (n: string) => s.grants.some((g) => grantCovers(s.name, g.datastreams)(n)),
    ]),
  );
  return all.filter((d) => {
    const system = d.fullName.split(".").slice(0, 4).join(".");
    const gate = gates.get(system);
    return gate !== undefined && bySystem.size > 0 && gate(d.fullName);
  });
}

/**
 * Checks a stream app's definition as it would be deployed now: the query's syntax, every system FROM names is the
 * company's own or granted to it (a missing grant is an error naming the system), and the query's types against
 * the source datastreams the app may see. Errors and warnings carry their place in the query.
 */
export async function checkDefinition({
  companyId,
  targetSystemId,
  query: text,
}: {
  companyId: string;
  targetSystemId: string;
  query: string;
}): Promise<DefinitionCheck> {
  let query: Query;
  try {
    query = parseQuery(text);
  } catch (error) {
    if (!(error instanceof FilterSyntaxError)) throw error;
    return { ok: false, errors: [syntaxDiagnostic(error)], warnings: [], query: null, sources: [], selects: [] };
  }
  const readable = await readableSystems(companyId, targetSystemId);
  const { sources, missing } = selectSources(query, readable);
  const errors: Diagnostic[] = missing.map(({ pattern, index }) => {
    const span = query.sources[index]?.span;
    return {
      message: `${span ? `at ${span.line}:${span.column}: ` : ""}${pattern} is neither a system of your company nor granted to it: its owner must offer a grant (to your company, or to the target system) and your admin accept it`,
      position: span?.start ?? 0,
      end: span?.end ?? 0,
      line: span?.line ?? 1,
      column: span?.column ?? 1,
    };
  });
  const datastreams = await visibleDatastreams(sources);
  const checked = checkQuery(query, datastreams);
  errors.push(...checked.errors);
  const warnings = [...checked.warnings];
  const ids = new Map(datastreams.map((d) => [d.fullName, d.id]));
  const selects = checked.selects.flatMap((fullName) => {
    const id = ids.get(fullName);
    return id ? [{ id, fullName }] : [];
  });
  return { ok: errors.length === 0, errors, warnings, query, sources, selects };
}

/** The 422 a save or deploy answers with when the definition does not check. */
export function definitionRefusal(check: DefinitionCheck) {
  const messages = check.errors.map((e) =>
    /^at \d+:\d+: /.test(e.message) ? e.message : `at ${e.line}:${e.column}: ${e.message}`,
  );
  return invalid(`The query cannot be deployed: ${messages.join("; ")}`, { query: messages });
}
