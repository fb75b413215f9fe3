import { createStreamAppEndpoint, listStreamAppsEndpoint } from "@/lib/api/endpoints/stream-apps";
import { handle } from "@/lib/api/handle";
import { createStreamApp } from "@/lib/stream-apps/create-stream-app";
import { listStreamApps } from "@/lib/stream-apps/list-stream-apps";

// GET /api/v1/companies/{companyId}/stream-apps: the company's stream apps with state and headline metrics.
export const GET = handle(listStreamAppsEndpoint, ({ actor, params, query }) =>
  listStreamApps({ actor, companyId: params.companyId, query }),
);

// POST /api/v1/companies/{companyId}/stream-apps: create a stream app, stopped (admins, engineers).
export const POST = handle(createStreamAppEndpoint, async ({ actor, params, body }) => {
  const { app, warnings } = await createStreamApp({ actor, companyId: params.companyId, input: body });
  return { id: app.id, version: app.version, warnings };
});
