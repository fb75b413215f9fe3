// Calls a route handler the way Next.js would, with a real Request, for API integration tests.
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface ApiCall {
  token?: string;
  basic?: { principal: string; secret: string };
  body?: unknown;
  params?: Record<string, string>;
  query?: Record<string, string>;
  headers?: Record<string, string>;
}

export async function callApi(handler: Handler, method: string, call: ApiCall = {}) {
  const url = new URL("http://localhost/api/v1/test");
  for (const [k, v] of Object.entries(call.query ?? {})) url.searchParams.set(k, v);
  const headers = new Headers(call.headers);
  if (call.token) headers.set("authorization", `Bearer ${call.token}`);
  if (call.basic) {
    headers.set(
      "authorization",
      `Basic ${Buffer.from(`${call.basic.principal}:${call.basic.secret}`).toString("base64")}`,
    );
  }
  // JSON unless the call names its own type (a YAML file, say).
  if (call.body !== undefined && !headers.has("content-type")) headers.set("content-type", "application/json");
  const request = new Request(url, {
    method,
    headers,
    body: call.body === undefined ? undefined : typeof call.body === "string" ? call.body : JSON.stringify(call.body),
  });
  const response = await handler(request, { params: Promise.resolve(call.params ?? {}) });
  const text = await response.text();
  const contentType = response.headers.get("content-type");
  return {
    status: response.status,
    contentType,
    headers: response.headers,
    // Bodies that are not JSON (CSV exports) are read as text.
    json: text && contentType?.includes("json") && !contentType.includes("ndjson") ? JSON.parse(text) : undefined,
    text,
  };
}
