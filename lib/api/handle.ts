import "server-only";
import type { z } from "zod";
import type { Actor } from "../authz/actor";
import { env } from "../env";
import { AppError, forbidden, invalid, notFound, unauthenticated } from "../errors";
import { NUL_REFUSAL } from "../text-problems";
import { MAX_INPUT_DEPTH, parseInput } from "../validation";
import type { Endpoint } from "./define-endpoint";
import { problemResponse } from "./problem";
import { type Credential, resolveActor } from "./resolve-actor";

type Out<T> = T extends z.ZodType ? z.output<T> : undefined;

export interface HandlerContext<P, Q, B> {
  actor: Actor;
  credential: Credential;
  params: P;
  query: Q;
  body: B;
  /** The body's text, for endpoints with `textBody`. */
  text: string | undefined;
  request: Request;
}

const DEFAULT_MAX_BODY = 1024 * 1024;

const tooLarge = (maxBytes: number) => new AppError("validation", `The request body is larger than ${maxBytes} bytes`);

/**
 * The body as text, read as it streams in and refused the moment it passes `maxBytes`: a chunked body declares no
 * length, and reading it whole first would hold 100 MB in memory before the check.
 */
async function readBoundedText(request: Request, maxBytes: number): Promise<string> {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.includes("\u0000")) throw invalid(`The request body ${NUL_REFUSAL}`);
  return text;
}

async function readBody(request: Request, maxBytes: number): Promise<unknown> {
  const text = await readBoundedText(request, maxBytes);
  if (!text.trim()) return {};
  const type = request.headers.get("content-type") ?? "";
  if (!type.includes("json")) throw invalid("Send the body as JSON (Content-Type: application/json)");
  try {
    return JSON.parse(text);
  } catch (error) {
    // V8's JSON.parse recurses: a body nested tens of thousands deep overflows its stack, which is bad input too.
    if (error instanceof RangeError) throw invalid(`The request body nests deeper than ${MAX_INPUT_DEPTH} levels`);
    throw invalid("The request body is not valid JSON");
  }
}

/** The body as text, for endpoints that parse files themselves; its media type must be one they accept. */
async function readTextBody(request: Request, maxBytes: number, mediaTypes: readonly string[]): Promise<string> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (!mediaTypes.includes(type)) {
    throw invalid(`Send the body as one of ${mediaTypes.join(", ")} (Content-Type), not ${type || "nothing"}`);
  }
  return readBoundedText(request, maxBytes);
}

// A browser's cookie rides along on cross-site requests; a state change under the session must come from our origin.
function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  const site = request.headers.get("sec-fetch-site");
  if (origin ? origin !== new URL(env.NEXTAUTH_URL).origin : site !== null && site !== "same-origin") {
    throw forbidden("Cross-site request refused: send it from the console, or authenticate with an API token");
  }
}

// An audited read under the session: refused when the browser says another site asked (a typed URL says "none").
function assertNotCrossSite(request: Request): void {
  const origin = request.headers.get("origin");
  const site = request.headers.get("sec-fetch-site");
  if ((origin && origin !== new URL(env.NEXTAUTH_URL).origin) || site === "cross-site" || site === "same-site") {
    throw forbidden("Cross-site request refused: open it from the console, or authenticate with an API token");
  }
}

/** Binds a handler to its endpoint contract: authentication, CSRF check, input parsing, output shaping, errors. */
export function handle<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
  endpoint: Endpoint<P, Q, B, R>,
  handler: (context: HandlerContext<Out<P>, Out<Q>, Out<B>>) => Promise<unknown>,
) {
  return async (
    request: Request,
    context: { params: Promise<Record<string, string | string[]>> },
  ): Promise<Response> => {
    try {
      const resolved = await resolveActor(request);
      if (!resolved) throw unauthenticated();
      if (!endpoint.auth.includes(resolved.credential)) {
        throw forbidden(`This endpoint does not accept ${resolved.credential} credentials`);
      }
      if (resolved.credential === "session" && endpoint.method !== "GET") assertSameOrigin(request);
      if (resolved.credential === "session" && endpoint.auditedRead) assertNotCrossSite(request);
      const rawParams = await context.params;
      let params: unknown = rawParams;
      if (endpoint.params) {
        const parsed = endpoint.params.safeParse(rawParams);
        // A malformed id in the path names nothing: not found, like an id that does not exist.
        if (!parsed.success) throw notFound("Object");
        params = parsed.data;
      }
      const query = endpoint.query
        ? parseInput(endpoint.query, Object.fromEntries(new URL(request.url).searchParams))
        : undefined;
      const maxBytes = endpoint.maxBodyBytes ?? DEFAULT_MAX_BODY;
      const text = endpoint.textBody ? await readTextBody(request, maxBytes, endpoint.textBody.mediaTypes) : undefined;
      const body =
        endpoint.body && !endpoint.textBody ? parseInput(endpoint.body, await readBody(request, maxBytes)) : undefined;
      const result = await handler({
        actor: resolved.actor,
        credential: resolved.credential,
        params: params as Out<P>,
        query: query as Out<Q>,
        body: body as Out<B>,
        text,
        request,
      });
      if (endpoint.produces && result instanceof Response) return result;
      if (endpoint.status === 204 || !endpoint.response) return new Response(null, { status: 204 });
      // Dates become ISO strings, then the response schema keeps only the documented fields.
      const shaped = endpoint.response.parse(JSON.parse(JSON.stringify(result)));
      return Response.json(shaped, { status: endpoint.status ?? 200, headers: { "Cache-Control": "no-store" } });
    } catch (error) {
      return problemResponse(error);
    }
  };
}
