// A `fetch` for the SDK that answers the console's client endpoints with the real route handlers, called as Next.js
// would: the SDK and the console meet in a test without an HTTP server.
import { GET as datastreamsRoute } from "@/app/api/v1/client/datastreams/route";
import { POST as registerRoute } from "@/app/api/v1/client/register/route";
import { POST as rejectionsRoute } from "@/app/api/v1/client/rejections/route";

type Route = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const routes: Record<string, Route> = {
  "POST /api/v1/client/register": registerRoute as Route,
  "GET /api/v1/client/datastreams": datastreamsRoute as Route,
  "POST /api/v1/client/rejections": rejectionsRoute as Route,
};

/** The fetch, and the list of requests it answered (`METHOD /path`). */
export function consoleFetch(): { fetch: typeof fetch; requests: string[] } {
  const requests: string[] = [];
  const answer: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const key = `${request.method} ${new URL(request.url).pathname}`;
    requests.push(key);
    const route = routes[key];
    if (!route) return new Response(null, { status: 404 });
    return route(request, { params: Promise.resolve({}) });
  };
  return { fetch: answer, requests };
}
