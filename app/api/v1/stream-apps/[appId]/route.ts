import {
  deleteStreamAppEndpoint,
  getStreamAppEndpoint,
  updateStreamAppEndpoint,
} from "@/lib/api/endpoints/stream-apps";
import { handle } from "@/lib/api/handle";
import { deleteStreamApp } from "@/lib/stream-apps/delete-stream-app";
import { getStreamApp } from "@/lib/stream-apps/get-stream-app";
import { updateStreamApp } from "@/lib/stream-apps/update-stream-app";

// GET /api/v1/stream-apps/{appId}: one app with its state, metrics, sources and versions.
export const GET = handle(getStreamAppEndpoint, ({ actor, params }) => getStreamApp({ actor, appId: params.appId }));

// PATCH /api/v1/stream-apps/{appId}: edit; a new query or target is a new version (admins, engineers).
export const PATCH = handle(updateStreamAppEndpoint, async ({ actor, params, body }) => {
  const { app, warnings } = await updateStreamApp({ actor, appId: params.appId, input: body });
  return { id: app.id, version: app.version, warnings };
});

// DELETE /api/v1/stream-apps/{appId}: delete the app; its credential and ACLs go with it (admins, engineers).
export const DELETE = handle(deleteStreamAppEndpoint, ({ actor, params }) =>
  deleteStreamApp({ actor, appId: params.appId }),
);
