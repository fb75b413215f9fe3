// JSON Schemas for the results of Observation datastreams: the one validator of the SDK, the console and the
// workers. Pure (no server-only imports), so a schema means the same thing wherever a record is checked.
//
// Accepted drafts: JSON Schema 2020-12 (the default when `$schema` is absent) and draft-07 (when `$schema` names
// it), compiled with Ajv 8 in strict mode: unknown keywords are refused rather than silently ignored, since a
// misspelt `requried` would otherwise accept everything. Formats (`date-time`, `uri`, …) come from ajv-formats.
// References must resolve inside the schema: nothing is fetched.
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { jsonDepthProblem } from "../json/json-depth";

// ajv-formats is CommonJS whose default export is the plugin itself; under some loaders (the SDK's bundle) it
// arrives wrapped once more.
type FormatsPlugin = (ajv: Ajv | Ajv2020) => unknown;
const addFormats: FormatsPlugin =
  (addFormatsModule as unknown as { default?: FormatsPlugin }).default ??
  (addFormatsModule as unknown as FormatsPlugin);

export const RESULT_SCHEMA_DRAFTS = {
  "2020-12": "https://json-schema.org/draft/2020-12/schema",
  "draft-07": "http://json-schema.org/draft-07/schema#",
} as const;

export const RESULT_SCHEMA_RULE =
  "a JSON Schema object (draft 2020-12, or draft-07 with its $schema), which Ajv 8 compiles in strict mode";

/** At most this many characters of JSON, so a schema stays a description, not a payload. */
export const RESULT_SCHEMA_MAX_CHARS = 64 * 1024;
/** At most this deep: Ajv compiles recursively, and 2,000 levels would overflow its stack. */
export const RESULT_SCHEMA_MAX_DEPTH = 32;

const options = {
  strict: true,
  strictTypes: false,
  strictTuples: false,
  strictRequired: false,
  allErrors: true,
  logger: false,
} as const;

let instances: { modern: Ajv2020; draft07: Ajv } | undefined;

function ajvFor(schema: Record<string, unknown>): Ajv | Ajv2020 {
  instances ??= (() => {
    const modern = new Ajv2020(options);
    const draft07 = new Ajv(options);
    addFormats(modern);
    addFormats(draft07);
    return { modern, draft07 };
  })();
  const declared = typeof schema.$schema === "string" ? schema.$schema.replace(/#$/, "") : undefined;
  if (declared === undefined || declared === RESULT_SCHEMA_DRAFTS["2020-12"].replace(/#$/, "")) {
    return instances.modern;
  }
  if (declared.replace(/^https:/, "http:") === RESULT_SCHEMA_DRAFTS["draft-07"].replace(/#$/, "")) {
    return instances.draft07;
  }
  throw new Error(
    `$schema ${JSON.stringify(schema.$schema)} is not supported: use draft 2020-12 (${RESULT_SCHEMA_DRAFTS["2020-12"]}) or draft-07 (${RESULT_SCHEMA_DRAFTS["draft-07"]})`,
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * Compiles a result schema. The compiled function is removed from Ajv's cache again at once, so a long-running
 * process that checks many schemas does not keep them all.
 */
export function compileResultSchema(schema: unknown): ValidateFunction {
  if (!isObject(schema)) throw new Error("must be a JSON object");
  const deep = jsonDepthProblem(schema, RESULT_SCHEMA_MAX_DEPTH);
  if (deep) throw new Error(deep);
  const size = JSON.stringify(schema).length;
  if (size > RESULT_SCHEMA_MAX_CHARS)
    throw new Error(`is ${size} characters of JSON; at most ${RESULT_SCHEMA_MAX_CHARS}`);
  const ajv = ajvFor(schema);
  try {
    return ajv.compile(schema);
  } finally {
    ajv.removeSchema(schema);
  }
}

/** Why a result schema cannot be used, in words for the user, or undefined when it compiles. */
export function resultSchemaProblem(schema: unknown): string | undefined {
  try {
    compileResultSchema(schema);
    return undefined;
  } catch (error) {
    return `Not usable as ${RESULT_SCHEMA_RULE}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

export function describeValidationErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((e) => `${e.instancePath || "(result)"} ${e.message ?? "is invalid"}`).join("; ");
}

// Validators of the schemas in use, compiled once per schema object (a catalog keeps one object per datastream).
const compiled = new WeakMap<object, ValidateFunction | Error>();

/**
 * The first violation of `value` against `schema` in words ("result.temperature must be number"), or undefined when
 * it conforms. A schema that does not compile (never one the console stored) refuses every value, saying why.
 */
export function schemaViolation(schema: object, value: unknown): string | undefined {
  let validate = compiled.get(schema);
  if (!validate) {
    try {
      validate = compileResultSchema(schema);
    } catch (error) {
      validate = error instanceof Error ? error : new Error(String(error));
    }
    compiled.set(schema, validate);
  }
  if (validate instanceof Error) return `the datastream's result schema is not usable: ${validate.message}`;
  if (validate(value)) return undefined;
  const first = validate.errors?.[0];
  if (!first) return "does not match the datastream's schema";
  const where = first.instancePath === "" ? "the result" : `result${first.instancePath.replaceAll("/", ".")}`;
  return `${where} ${first.message ?? "does not match the schema"}`;
}
