import { constraintsOf, type JsonSchema, nestedObject, typeLabel } from "@/lib/api-docs/json-schema";
import { InlineCode } from "./inline-code";

const MAX_DEPTH = 6;

function TypeLine({ schema, required }: { schema: JsonSchema; required?: boolean }) {
  const rules = constraintsOf(schema);
  return (
    <>
      <span className="font-mono text-xs text-brand-700">{typeLabel(schema)}</span>
      {required && <span className="ml-1.5 text-xs font-medium text-red-600">required</span>}
      {rules.length > 0 && <span className="ml-1.5 text-xs break-all text-slate-500">· {rules.join(" · ")}</span>}
    </>
  );
}

function Properties({ object, depth }: { object: JsonSchema; depth: number }) {
  const required = new Set(object.required ?? []);
  return (
    <ul className="mt-1 space-y-1.5 border-l border-slate-200 pl-3">
      {Object.entries(object.properties ?? {}).map(([name, property]) => {
        const nested = nestedObject(property);
        return (
          <li key={name}>
            <code className="mr-2 font-mono text-xs font-semibold text-slate-900">{name}</code>
            <TypeLine schema={property} required={required.has(name)} />
            {property.description && (
              <p className="text-xs text-slate-600">
                <InlineCode text={property.description} />
              </p>
            )}
            {nested && depth < MAX_DEPTH && <Properties object={nested} depth={depth + 1} />}
          </li>
        );
      })}
      {object.additionalProperties === false && <li className="text-xs text-slate-400">no other fields</li>}
    </ul>
  );
}

/** A compact JSON Schema: the type on one line, then an object's fields (and nested objects') as an indented list. */
export function SchemaView({ schema }: { schema: JsonSchema }) {
  const object = nestedObject(schema);
  return (
    <div className="text-sm">
      <TypeLine schema={schema} />
      {schema.description && (
        <p className="text-xs text-slate-600">
          <InlineCode text={schema.description} />
        </p>
      )}
      {object && <Properties object={object} depth={0} />}
    </div>
  );
}
