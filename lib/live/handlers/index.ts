import "server-only";
import type { SocketHandler } from "../socket-handler";
import { liveSubscribeHandler, liveUnsubscribeHandler } from "./live-subscribe";
import { pingHandler } from "./ping";
import { replayControlHandler, replayStartHandler } from "./replay";

/** Every client-to-server event the console answers; socket-server.ts binds each to every socket. */
export const socketHandlers: readonly SocketHandler[] = [
  pingHandler,
  liveSubscribeHandler,
  liveUnsubscribeHandler,
  replayStartHandler,
  replayControlHandler,
];
