// The part of JSON Schema (2020-12, as zod's toJSONSchema writes it) that the API docs page renders, and the
// one-line descriptions of types and rules it shows. Pure, for the page and its unit test.

export interface JsonSchema {
  type?: string | string[];
  format?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
}

const isNull = (s: JsonSchema) => s.type === "null";

/** `string (uuid)`, `integer`, `"asc" | "desc"`, `array of object`, `string | null`, `any`. */
export function typeLabel(schema: JsonSchema): string {
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return [...new Set(union.map(typeLabel))].join(" | ");
  if (schema.allOf) return schema.allOf.map(typeLabel).join(" & ");
  if (Array.isArray(schema.type)) return schema.type.join(" | ");
  if (schema.type === "array") return schema.items ? `array of ${typeLabel(schema.items)}` : "array";
  if (schema.type === "object" && !schema.properties && typeof schema.additionalProperties === "object") {
    return `map of ${typeLabel(schema.additionalProperties)}`;
  }
  if (!schema.type) return "any";
  return schema.format ? `${schema.type} (${schema.format})` : schema.type;
}

/** The rules beside the type: bounds, lengths, pattern (left out where a format already says it), default. */
export function constraintsOf(schema: JsonSchema): string[] {
  const out: string[] = [];
  // zod writes JavaScript's safe-integer range on every integer; it says nothing to a reader.
  const bound = (n: number | undefined) => n !== undefined && Math.abs(n) !== Number.MAX_SAFE_INTEGER;
  if (bound(schema.minimum)) out.push(`≥ ${schema.minimum}`);
  if (schema.exclusiveMinimum !== undefined) out.push(`> ${schema.exclusiveMinimum}`);
  if (bound(schema.maximum)) out.push(`≤ ${schema.maximum}`);
  if (schema.exclusiveMaximum !== undefined) out.push(`< ${schema.exclusiveMaximum}`);
  if (schema.minLength !== undefined && schema.minLength > 0) out.push(`min length ${schema.minLength}`);
  if (schema.maxLength !== undefined) out.push(`max length ${schema.maxLength}`);
  if (schema.minItems !== undefined) out.push(`min ${schema.minItems} items`);
  if (schema.maxItems !== undefined) out.push(`max ${schema.maxItems} items`);
  if (schema.pattern && !schema.format) out.push(`pattern ${schema.pattern}`);
  if (schema.default !== undefined) out.push(`default ${JSON.stringify(schema.default)}`);
  return out;
}

/** The object whose fields should be listed below a type: the object itself, an array's items, or a nullable's. */
export function nestedObject(schema: JsonSchema): JsonSchema | undefined {
  if (schema.properties) return schema;
  if (schema.type === "array" && schema.items) return nestedObject(schema.items);
  const union = schema.anyOf ?? schema.oneOf;
  if (union) {
    const real = union.filter((s) => !isNull(s));
    if (real.length === 1 && real[0]) return nestedObject(real[0]);
  }
  return undefined;
}
