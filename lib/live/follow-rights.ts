import "server-only";
import { currentSessionUser } from "../auth/current-session-user";
import { EVENTS_RESUMED } from "../events/change-event";
import { subscribeEvents } from "../events/subscribe-events";
import { createLogger } from "../log";
import { LIVE_PROTOCOL_VERSION } from "./events";
import type { LiveSocket } from "./socket-handler";
import type { LiveServer } from "./socket-server";

const log = createLogger("socket");

/** Socket.IO room of every socket of a user, and of every socket holding a subscription in a company. */
export const userRoom = (userId: string) => `user:${userId}`;
export const companyRoom = (companyId: string) => `company:${companyId}`;
/** The room where a company's alarms are told, joined by every socket of its members. */
export const alarmRoom = (companyId: string) => `alarms:${companyId}`;

/** What a subscriber (the live hub) does when a socket's rights in a company (or anywhere) may have changed. */
export type Reauthorize = (socket: LiveSocket, companyId: string | undefined) => Promise<void>;

async function sessionStillValid(socket: LiveSocket): Promise<boolean> {
  const user = await currentSessionUser(socket.data.user.id, socket.data.epoch);
  return user !== null;
}

function end(socket: LiveSocket, reason: string): void {
  socket.emit("session:ended", { v: LIVE_PROTOCOL_VERSION, reason });
  socket.disconnect(true);
}

/**
 * Keeps open sockets in step with the rights of their users, whichever console process changed them: a voided
 * session disconnects its sockets, a membership change or a deleted company re-authorizes what the sockets hold.
 * After a lost connection to PostgreSQL (events missed) and every `recheckMs`, every socket is checked afresh.
 */
export function followRights(io: LiveServer, reauthorize: Reauthorize, recheckMs = 60_000): () => Promise<void> {
  const sockets = async (room?: string) => (room ? io.in(room).fetchSockets() : io.fetchSockets());

  const recheck = async (socket: LiveSocket, companyId: string | undefined) => {
    await reauthorize(socket, companyId);
    if (companyId) socket.emit("rights:changed", { v: LIVE_PROTOCOL_VERSION, companyId });
  };

  const recheckAll = async () => {
    for (const remote of await sockets()) {
      const socket = io.sockets.sockets.get(remote.id);
      if (!socket) continue;
      if (socket.data.expiresAt !== undefined && socket.data.expiresAt <= Date.now()) {
        end(socket, "Your session has expired: sign in again");
      } else if (!(await sessionStillValid(socket))) {
        end(socket, "Your session was signed out");
      } else {
        await reauthorize(socket, undefined);
      }
    }
  };

  const run = (work: () => Promise<void>) => {
    work().catch((error: unknown) => log.warn("could not re-check socket rights", { error }));
  };

  const unsubscribe = subscribeEvents(["session.voided", "membership.changed", "company.changed"], (event) => {
    run(async () => {
      if (event.type === EVENTS_RESUMED) return recheckAll();
      if (event.type === "session.voided") {
        for (const s of await sockets(userRoom(event.userId))) {
          const socket = io.sockets.sockets.get(s.id);
          if (socket && socket.data.epoch < event.epoch) end(socket, "Your session was signed out");
        }
        return;
      }
      const room = event.type === "membership.changed" ? userRoom(event.userId) : companyRoom(event.companyId);
      for (const s of await sockets(room)) {
        const socket = io.sockets.sockets.get(s.id);
        if (socket) await recheck(socket, event.companyId);
      }
    });
  });
  const timer = setInterval(() => run(recheckAll), recheckMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await unsubscribe();
  };
}
