import { z } from "zod";
import type { JsonSchema } from "./json-schema";

// The OpenAPI document as the docs page needs it: operations grouped by tag, in the document's order.
const schema = z.record(z.string(), z.unknown()).transform((s) => s as JsonSchema);
const content = z.record(z.string(), z.object({ schema: schema.optional() }));

const operationSchema = z.object({
  operationId: z.string(),
  summary: z.string().default(""),
  description: z.string().optional(),
  tags: z.array(z.string()).default(["Other"]),
  security: z.array(z.record(z.string(), z.array(z.string()))).default([]),
  parameters: z
    .array(z.object({ name: z.string(), in: z.string(), required: z.boolean().default(false), schema }))
    .default([]),
  requestBody: z.object({ required: z.boolean().default(false), content }).optional(),
  responses: z.record(z.string(), z.object({ description: z.string().default(""), content: content.optional() })),
});

const documentSchema = z.object({
  info: z.object({ title: z.string(), version: z.string(), description: z.string().default("") }),
  servers: z.array(z.object({ url: z.string() })).default([]),
  components: z
    .object({
      securitySchemes: z
        .record(
          z.string(),
          z.object({
            type: z.string(),
            scheme: z.string().optional(),
            in: z.string().optional(),
            name: z.string().optional(),
            description: z.string().optional(),
          }),
        )
        .default({}),
    })
    .default({ securitySchemes: {} }),
  paths: z.record(z.string(), z.record(z.string(), operationSchema)),
});

export type OpenApiOperation = z.output<typeof operationSchema> & { method: string; path: string };
export type ApiDocs = ReturnType<typeof readOpenApi>;

const METHOD_ORDER = ["get", "post", "put", "patch", "delete"];

/** Reads an OpenAPI 3.1 document into what the docs page shows; throws (naming the field) if it is malformed. */
export function readOpenApi(raw: unknown) {
  const doc = documentSchema.parse(raw);
  const groups = new Map<string, OpenApiOperation[]>();
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = op.tags[0] ?? "Other";
      groups.set(tag, [...(groups.get(tag) ?? []), { ...op, method: method.toUpperCase(), path }]);
    }
  }
  return {
    title: doc.info.title,
    version: doc.info.version,
    description: doc.info.description,
    serverUrl: doc.servers[0]?.url ?? "",
    securitySchemes: Object.entries(doc.components.securitySchemes).map(([id, s]) => ({ id, ...s })),
    // Paths in order (a collection before its members), then methods: the document keeps declaration order.
    groups: [...groups].map(([tag, operations]) => ({
      tag,
      operations: operations.sort(
        (a, b) =>
          a.path.localeCompare(b.path, "en") ||
          METHOD_ORDER.indexOf(a.method.toLowerCase()) - METHOD_ORDER.indexOf(b.method.toLowerCase()),
      ),
    })),
  };
}
