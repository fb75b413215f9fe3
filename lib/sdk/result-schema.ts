import { Ajv, type ValidateFunction } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { SdkError } from "./errors";

// ajv-formats is CommonJS whose default export is the plugin itself; under some loaders it arrives wrapped once more.
type FormatsPlugin = (ajv: Ajv) => Ajv;
const addFormats: FormatsPlugin =
  (addFormatsModule as unknown as { default?: FormatsPlugin }).default ??
  (addFormatsModule as unknown as FormatsPlugin);

// One compiler per draft: a schema that says `$schema: …/2020-12/schema` gets 2020-12 semantics, any other draft-07.
// `strict: false` because result schemas are written by people, and unknown keywords (e.g. "unit") are common.
let draft07: Ajv | undefined;
let draft2020: Ajv | undefined;
const compiled = new WeakMap<object, ValidateFunction>();

function compilerFor(schema: object): Ajv {
  const declared = (schema as { $schema?: unknown }).$schema;
  if (typeof declared === "string" && declared.includes("2020-12")) {
    draft2020 ??= addFormats(new Ajv2020({ strict: false, allErrors: false }) as unknown as Ajv);
    return draft2020;
  }
  draft07 ??= addFormats(new Ajv({ strict: false, allErrors: false }));
  return draft07;
}

/** The validator of a datastream's JSON Schema, compiled once per schema object. */
export function resultValidator(datastream: string, schema: object): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    try {
      validate = compilerFor(schema).compile(schema);
    } catch (error) {
      throw new SdkError(
        "invalid-option",
        `Datastream "${datastream}" has a result schema that does not compile: ${(error as Error).message}`,
        { cause: error },
      );
    }
    compiled.set(schema, validate);
  }
  return validate;
}

/** The first schema violation of `value` in words, or undefined when it conforms. */
export function schemaViolation(datastream: string, schema: object, value: unknown): string | undefined {
  const validate = resultValidator(datastream, schema);
  if (validate(value)) return undefined;
  const first = validate.errors?.[0];
  if (!first) return "does not match the datastream's schema";
  const where = first.instancePath === "" ? "the result" : `result${first.instancePath.replaceAll("/", ".")}`;
  return `${where} ${first.message ?? "does not match the schema"}`;
}
