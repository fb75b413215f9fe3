import { exportStreamAppLogEndpoint } from "@/lib/api/endpoints/stream-apps";
import { handle } from "@/lib/api/handle";
import { exportStreamAppLog } from "@/lib/stream-apps/list-stream-app-log";

// GET /api/v1/stream-apps/{appId}/log.txt: the app's whole kept log as a text download.
export const GET = handle(exportStreamAppLogEndpoint, async ({ actor, params }) => {
  const { name, text } = await exportStreamAppLog({ actor, appId: params.appId });
  return new Response(text, {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Disposition": `attachment; filename="stream-app-${name}.log"`,
      "Cache-Control": "no-store",
    },
  });
});
