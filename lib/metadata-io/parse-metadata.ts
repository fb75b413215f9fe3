// From a file's text (JSON or YAML) or an already parsed object to a checked document. Pure.
import YAML from "yaml";
import type { ImportFormat, ImportIssue, ParsedMetadata } from "./document";
import { emptyLocatedDocument } from "./document";
import { fromReferenceDocument } from "./reference-format";
import { fromRheiDocument } from "./rhei-format";

/** Largest file the importer reads (10,000 datastreams in YAML take about 3 MB). */
export const MAX_IMPORT_CHARS = 32 * 1024 * 1024;

/** What an import reads: the text of a file, or the document already parsed (e.g. a JSON request body). */
export type MetadataSource = string | Record<string, unknown>;

function failed(format: ImportFormat, path: string, message: string): ParsedMetadata {
  return { format, document: emptyLocatedDocument(), warnings: [], errors: [{ path, message }] };
}

function yamlProblem(error: unknown): { message: string; line?: number; col?: number } {
  if (error instanceof YAML.YAMLError) {
    const [start] = error.linePos ?? [];
    return { message: error.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? "", ...start };
  }
  return { message: error instanceof Error ? error.message : String(error) };
}

const at = (p: { line?: number; col?: number }) => (p.line ? ` at line ${p.line}, column ${p.col ?? 1}` : "");

/** JSON first (fast); if that fails, YAML, which reads JSON too and says at which line and column it stopped. */
function parseText(text: string): { value: unknown } | { error: ImportIssue } {
  if (text.length > MAX_IMPORT_CHARS) {
    return { error: { path: "(document)", message: `Too large: at most ${MAX_IMPORT_CHARS} characters` } };
  }
  // Anchors and aliases are how YAML shares one result schema among many datastreams, so allow many; the limit
  // (yaml counts references × aliases inside the anchored node) still stops exponential "billion laughs" files.
  const options = { uniqueKeys: true, maxAliasCount: 20_000 } as const;
  if (/^\s*[{[]/.test(text)) {
    try {
      return { value: JSON.parse(text) };
    } catch (jsonError) {
      // YAML reads JSON too: it either accepts the text (YAML that starts with a flow mapping) or locates the
      // problem, which JSON.parse does not always do.
      try {
        return { value: YAML.parse(text, options) };
      } catch (error) {
        const located = yamlProblem(error);
        const why = jsonError instanceof Error ? jsonError.message.split("\n")[0] : String(jsonError);
        return { error: { path: "(document)", message: `Not valid JSON${at(located)}: ${why}` } };
      }
    }
  }
  try {
    return { value: YAML.parse(text, options) };
  } catch (error) {
    const located = yamlProblem(error);
    return { error: { path: "(document)", message: `Not valid YAML${at(located)}: ${located.message}` } };
  }
}

export function detectFormat(value: unknown): ImportFormat | undefined {
  if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
  if ("rhei" in value) return "rhei";
  if ("Things" in value || "Sensors" in value || "Datastreams" in value) return "reference";
  return undefined;
}

/**
 * Reads a metadata file in either format. The format is detected (a `rhei` key, or Things/Sensors/Datastreams)
 * unless given. Never throws for bad content: problems come back as errors with their path.
 */
export function parseMetadata(source: MetadataSource, format?: ImportFormat): ParsedMetadata {
  let value: unknown = source;
  if (typeof source === "string") {
    const parsed = parseText(source);
    if ("error" in parsed) return { ...failed(format ?? "rhei", parsed.error.path, parsed.error.message) };
    value = parsed.value;
  }
  const detected = format ?? detectFormat(value);
  if (!detected) {
    return failed(
      "rhei",
      "(document)",
      "Not a metadata document: expected Rhei's format (an object with rhei: 1) or the reference platform's instances.json (an object with Things, Sensors and Datastreams)",
    );
  }
  return detected === "rhei" ? fromRheiDocument(value) : fromReferenceDocument(value);
}
