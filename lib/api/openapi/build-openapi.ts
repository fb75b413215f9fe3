import { z } from "zod";
import type { Endpoint } from "../define-endpoint";
import { allEndpoints } from "../endpoints";

const problem = {
  description: "An RFC 9457 problem document",
  content: {
    "application/problem+json": {
      schema: {
        type: "object",
        properties: {
          type: { type: "string" },
          title: { type: "string" },
          status: { type: "integer" },
          detail: { type: "string" },
          errors: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
        },
      },
    },
  },
};

function jsonSchema(schema: z.ZodType, io: "input" | "output") {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Record<
    string,
    unknown
  >;
  return rest;
}

function parameters(endpoint: Endpoint) {
  const out: unknown[] = [];
  for (const [where, schema] of [
    ["path", endpoint.params],
    ["query", endpoint.query],
  ] as const) {
    if (!schema) continue;
    const object = jsonSchema(schema, "input") as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, property] of Object.entries(object.properties ?? {})) {
      out.push({
        name,
        in: where,
        required: where === "path" || (object.required ?? []).includes(name),
        schema: property,
      });
    }
  }
  return out;
}

/** JSON bodies by their schema; text bodies (files to import) as strings, the JSON form by its schema if given. */
function requestContent(endpoint: Endpoint): Record<string, { schema: unknown }> {
  if (!endpoint.textBody) {
    return endpoint.body ? { "application/json": { schema: jsonSchema(endpoint.body, "input") } } : {};
  }
  const { body } = endpoint;
  return Object.fromEntries(
    endpoint.textBody.mediaTypes.map((t) => [
      t,
      { schema: t.includes("json") && body ? jsonSchema(body, "input") : { type: "string" } },
    ]),
  );
}

const credentialSchemes = { session: "session", token: "bearerToken", client: "clientBasic" } as const;

function operation(endpoint: Endpoint) {
  const success = String(endpoint.status ?? 200);
  return {
    operationId: endpoint.operationId,
    summary: endpoint.summary,
    ...(endpoint.description ? { description: endpoint.description } : {}),
    tags: endpoint.tags,
    security: endpoint.auth.map((c) => ({ [credentialSchemes[c]]: [] })),
    parameters: parameters(endpoint),
    ...(endpoint.body || endpoint.textBody
      ? { requestBody: { required: true, content: requestContent(endpoint) } }
      : {}),
    responses: {
      [success]: endpoint.produces
        ? {
            description: "Success",
            content: Object.fromEntries([endpoint.produces].flat().map((t) => [t, { schema: { type: "string" } }])),
          }
        : endpoint.response && success !== "204"
          ? {
              description: "Success",
              content: { "application/json": { schema: jsonSchema(endpoint.response, "output") } },
            }
          : { description: "Success, no content" },
      "401": { ...problem, description: "Not authenticated" },
      "403": { ...problem, description: "Authenticated, but the role does not allow it" },
      "404": { ...problem, description: "No such object, or it belongs to another company" },
      "409": { ...problem, description: "Conflicts with the current state" },
      "422": { ...problem, description: "Invalid input: `errors` names each field and rule" },
    },
  };
}

/** The OpenAPI 3.1 document of /api/v1, generated from the endpoint contracts the handlers use. */
export function buildOpenApi(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const endpoint of allEndpoints) {
    paths[endpoint.path] ??= {};
    const path = paths[endpoint.path];
    if (path) path[endpoint.method.toLowerCase()] = operation(endpoint);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Rhei API",
      version: "1",
      description:
        "Rhei's REST API: the same operations and rules as the console. Authenticate with a personal API token " +
        "(`Authorization: Bearer rhei_pat_…`, created on your profile page), the browser session, or, for client " +
        "applications, HTTP Basic with the client's principal and secret.",
    },
    servers: [{ url: `${serverUrl}/api/v1` }],
    components: {
      securitySchemes: {
        bearerToken: { type: "http", scheme: "bearer", description: "A personal API token" },
        clientBasic: { type: "http", scheme: "basic", description: "A client application: principal and secret" },
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
      },
    },
    paths,
  };
}
