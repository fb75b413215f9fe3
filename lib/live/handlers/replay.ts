import "server-only";
import { replayControlSchema, replayStartSchema } from "../replay-protocol";
import { controlReplay, startReplay } from "../replay-sessions";
import { defineSocketHandler } from "../socket-handler";

/** `replay:start`: play a range of several datastreams, merged in phenomenon-time order, on this socket. */
export const replayStartHandler = defineSocketHandler({
  event: "replay:start",
  payload: replayStartSchema,
  handle: (socket, payload) => startReplay({ socket, request: payload }),
});

/** `replay:control`: pause, resume, seek, speed or stop one of this socket's replays. */
export const replayControlHandler = defineSocketHandler({
  event: "replay:control",
  payload: replayControlSchema,
  handle: async (socket, payload) => controlReplay({ socket, control: payload }),
});
