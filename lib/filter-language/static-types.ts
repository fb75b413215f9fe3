import type { PathSegment } from "./ast";
import type { SourceView } from "./source-datastream";

/**
 * Types the checker gives expressions. `json` is a value known only at run time (an attribute, an Observation
 * result without a schema): allowed where a number, string or boolean is, and checked per record. `object` is a
 * JSON object or array (by a result schema), usable only through a path. `error` marks what was already reported.
 */
export type StaticType = "number" | "string" | "boolean" | "time" | "json" | "object" | "record" | "error";

const WORDS: Record<StaticType, string> = {
  number: "a number",
  string: "a string",
  boolean: "TRUE/FALSE",
  time: "a time",
  json: "a JSON value",
  object: "a JSON object or array",
  record: "a whole record",
  error: "not valid",
};

export function typeWord(t: StaticType): string {
  return WORDS[t];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** The type a JSON Schema gives its value; `json` when it does not say one clearly. */
export function schemaType(schema: unknown): StaticType {
  if (!isObject(schema)) return "json";
  let type = schema.type;
  if (Array.isArray(type)) {
    const notNull = type.filter((t) => t !== "null");
    type = notNull.length === 1 ? notNull[0] : undefined;
  }
  if (type === "number" || type === "integer") return "number";
  if (type === "string") return "string";
  if (type === "boolean") return "boolean";
  if (type === "object" || type === "array") return "object";
  return "json";
}

/** The schema of one step into a value with `schema`, or why the step cannot be taken. */
export function schemaStep(schema: unknown, step: PathSegment): { schema: unknown } | { problem: string } {
  if (!isObject(schema)) return { schema: undefined };
  const type = schemaType(schema);
  const declared = schema.type;
  if (typeof step === "number") {
    if (type !== "object" && type !== "json") return { problem: `it is ${typeWord(type)}, not an array` };
    if (declared === "object") return { problem: "it is an object, not an array: use .field" };
    const prefix = schema.prefixItems;
    if (Array.isArray(prefix) && step < prefix.length) return { schema: prefix[step] };
    return { schema: isObject(schema.items) ? schema.items : undefined };
  }
  if (type !== "object" && type !== "json") return { problem: `it is ${typeWord(type)} and has no fields` };
  if (declared === "array") return { problem: `it is an array: use an index such as [0], not .${step}` };
  const properties = isObject(schema.properties) ? schema.properties : {};
  if (Object.hasOwn(properties, step)) return { schema: properties[step] };
  if (schema.additionalProperties === false && !isObject(schema.patternProperties)) {
    const known = Object.keys(properties);
    const list = known.length > 0 ? `it has ${known.join(", ")}` : "it has no fields";
    return { problem: `the result schema has no field '${step}' (${list})` };
  }
  return { schema: isObject(schema.additionalProperties) ? schema.additionalProperties : undefined };
}

/** The type of `result` for a source, without a path. */
export function resultType(view: SourceView): StaticType {
  switch (view.observationType) {
    case "Measurement":
    case "Count":
      return "number";
    case "Truth":
      return "boolean";
    case "Category":
      return "string";
    case "Observation":
      return view.resultSchema === undefined ? "json" : schemaType(view.resultSchema);
    default:
      return "json";
  }
}
