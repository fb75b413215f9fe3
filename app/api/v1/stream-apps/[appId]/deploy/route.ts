import { deployStreamAppEndpoint } from "@/lib/api/endpoints/stream-apps";
import { handle } from "@/lib/api/handle";
import { deployStreamApp } from "@/lib/stream-apps/deploy-stream-app";

// POST /api/v1/stream-apps/{appId}/deploy: start the app (admins, engineers).
export const POST = handle(deployStreamAppEndpoint, async ({ actor, params }) => {
  const app = await deployStreamApp({ actor, appId: params.appId });
  return { id: app.id, version: app.version };
});
