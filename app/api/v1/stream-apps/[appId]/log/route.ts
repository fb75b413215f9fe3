import { listStreamAppLogEndpoint } from "@/lib/api/endpoints/stream-apps";
import { handle } from "@/lib/api/handle";
import { listStreamAppLog } from "@/lib/stream-apps/list-stream-app-log";

// GET /api/v1/stream-apps/{appId}/log: the app's log, newest first, a page at a time.
export const GET = handle(listStreamAppLogEndpoint, ({ actor, params, query }) =>
  listStreamAppLog({ actor, appId: params.appId, query }),
);
