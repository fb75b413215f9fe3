// A grant's filter is a condition (what follows WHERE), written and checked with the filter language. It is parsed
// as the query below, with the condition on a line of its own, so an error's line is one less and its column as is.
import {
  checkQuery,
  type Diagnostic,
  FilterSyntaxError,
  parseQuery,
  type Query,
  type SourceDatastream,
} from "../filter-language";

const PREFIX = "SELECT * FROM * WHERE\n";

export type ConditionParse = { ok: true; query: Query } | { ok: false; error: Diagnostic };

/** The condition as a query over every system (its own FROM plays no part: the grant names the system). */
export function parseGrantCondition(condition: string): ConditionParse {
  try {
    return { ok: true, query: parseQuery(`${PREFIX}${condition}`) };
  } catch (error) {
    if (!(error instanceof FilterSyntaxError)) throw error;
    const line = Math.max(1, error.line - 1);
    const position = Math.max(0, error.position - PREFIX.length);
    return {
      ok: false,
      error: {
        message: `at ${line}:${error.column}: ${error.message.replace(/^at \d+:\d+: /, "")}`,
        position,
        end: position + 1,
        line,
        column: error.column,
      },
    };
  }
}

/** Errors of a grant's condition against the datastreams it covers (an empty condition has none). */
export function checkGrantCondition(condition: string, covered: readonly SourceDatastream[]): Diagnostic[] {
  if (condition.trim() === "") return [];
  const parsed = parseGrantCondition(condition);
  if (!parsed.ok) return [parsed.error];
  const shift = (d: Diagnostic): Diagnostic => ({
    ...d,
    line: d.line - 1,
    position: d.position - PREFIX.length,
    end: d.end - PREFIX.length,
    message: d.message,
  });
  return checkQuery(parsed.query, covered).errors.map(shift);
}
