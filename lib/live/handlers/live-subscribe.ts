import "server-only";
import { liveSubscribeSchema, liveUnsubscribeSchema } from "../live-protocol";
import { liveSessions, sessionOf } from "../live-session";
import { defineSocketHandler } from "../socket-handler";

/**
 * `live:subscribe`: follow a datastream, a name pattern or a system's incoming records, each stream authorized for
 * `data.read` (resolveLiveTargets); with `resume` or `sinceMs`, the gap is filled from Kafka first.
 */
export const liveSubscribeHandler = defineSocketHandler({
  event: "live:subscribe",
  payload: liveSubscribeSchema,
  handle: async (socket, payload) => ({ streams: await sessionOf(socket).subscribe(payload) }),
});

/** `live:unsubscribe`: stop following streams. */
export const liveUnsubscribeHandler = defineSocketHandler({
  event: "live:unsubscribe",
  payload: liveUnsubscribeSchema,
  handle: async (socket, payload) => {
    liveSessions.get(socket)?.unsubscribe(payload.streams);
    return { streams: payload.streams };
  },
});
