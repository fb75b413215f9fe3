import { buildOpenApi } from "@/lib/api/openapi/build-openapi";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

// GET /api/v1/openapi.json: the OpenAPI 3.1 document of the REST API, generated from the endpoint contracts.
export function GET() {
  return Response.json(buildOpenApi(new URL(env.NEXTAUTH_URL).origin));
}
