import type { z } from "zod";
import type { Credential } from "./resolve-actor";

/**
 * One REST endpoint's contract: the route handler parses with these schemas and the OpenAPI document is generated
 * from them, so the two cannot drift. Response schemas strip unknown keys: no column leaks by accident.
 */
export interface Endpoint<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** OpenAPI path under /api/v1, e.g. `/companies/{companyId}/systems`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  /** Which credentials may call it. */
  auth: readonly Credential[];
  params?: P;
  query?: Q;
  body?: B;
  /**
   * The body is a file's text (JSON or YAML, say) that the handler parses itself, so a parse error can name the line:
   * requests in these media types are accepted and the handler gets the text as `text`. `body`, if given too, only
   * documents the JSON form in the OpenAPI document.
   */
  textBody?: { mediaTypes: readonly string[] };
  /** Largest request body accepted, in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  response?: R;
  /**
   * Media types other than JSON (`text/csv`, a file download): the handler returns its own Response (a stream, say),
   * which is sent as it is; the OpenAPI document lists these types instead of a JSON schema.
   */
  produces?: string | readonly string[];
  /**
   * A read written to the audit log (history: who looked at what): a browser session must ask from the console's
   * own pages, so another site cannot make a signed-in user's browser read data in their name.
   */
  auditedRead?: boolean;
  /** Success status: 200 by default, 201 for creations, 204 with no body. */
  status?: 200 | 201 | 204;
}

export function defineEndpoint<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
  endpoint: Endpoint<P, Q, B, R>,
): Endpoint<P, Q, B, R> {
  return endpoint;
}
