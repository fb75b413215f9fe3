// The Socket.IO contract between the console and browsers. Payloads carry a version so that a browser tab left
// open across a deploy can tell it needs a reload.
export const LIVE_PROTOCOL_VERSION = 1;

export interface ServerToClientEvents {
  "session:ready": (payload: { v: number; user: { id: string; email: string } }) => void;
}

export interface ClientToServerEvents {
  ping: (ack: (payload: { v: number; at: string }) => void) => void;
}

export interface SocketData {
  user: { id: string; email: string; name: string };
}
