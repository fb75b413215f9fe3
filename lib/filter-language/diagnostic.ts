import type { Span } from "./ast";
import type { Finding } from "./infer-types";

/** A finding of the checker, positioned like a syntax error (0-based `position`, 1-based `line` and `column`). */
export interface Diagnostic {
  message: string;
  position: number;
  end: number;
  line: number;
  column: number;
  /** The source datastreams it is about, when it depends on them. */
  datastreams?: string[];
}

const NOWHERE: Span = { start: 0, end: 0, line: 1, column: 1 };

export function diagnosticAt(span: Span | undefined, message: string, datastreams?: string[]): Diagnostic {
  const s = span ?? NOWHERE;
  const d: Diagnostic = { message, position: s.start, end: s.end, line: s.line, column: s.column };
  if (datastreams !== undefined) d.datastreams = datastreams;
  return d;
}

export function findingKey(f: Finding): string {
  return `${f.node.span?.start ?? 0}:${f.message}`;
}

/** "a, b, c and 2 more" */
export function nameList(names: string[], max = 3): string {
  if (names.length <= max) return names.join(", ");
  return `${names.slice(0, max).join(", ")} and ${names.length - max} more`;
}

/**
 * Findings of several typings (each about some datastreams) as diagnostics: one per place and message, naming the
 * datastreams it was found for, in order of position.
 */
export function mergeFindings(typings: { names: string[]; findings: Finding[] }[], suffix: string): Diagnostic[] {
  const merged = new Map<string, { finding: Finding; names: string[] }>();
  for (const t of typings) {
    for (const f of t.findings) {
      const key = findingKey(f);
      const entry = merged.get(key) ?? { finding: f, names: [] };
      entry.names.push(...t.names);
      merged.set(key, entry);
    }
  }
  return [...merged.values()]
    .map(({ finding, names }) =>
      names.length === 0
        ? diagnosticAt(finding.node.span, finding.message)
        : diagnosticAt(finding.node.span, `${finding.message} (for ${nameList(names)}${suffix})`, names),
    )
    .sort((a, b) => a.position - b.position);
}
