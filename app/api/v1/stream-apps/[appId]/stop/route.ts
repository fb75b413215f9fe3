import { stopStreamAppEndpoint } from "@/lib/api/endpoints/stream-apps";
import { handle } from "@/lib/api/handle";
import { stopStreamApp } from "@/lib/stream-apps/stop-stream-app";

// POST /api/v1/stream-apps/{appId}/stop: stop the app; it keeps its positions (admins, engineers).
export const POST = handle(stopStreamAppEndpoint, async ({ actor, params }) => {
  const app = await stopStreamApp({ actor, appId: params.appId });
  return { id: app.id, version: app.version };
});
