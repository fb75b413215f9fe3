import "server-only";
import pg from "pg";
import { env } from "../env";
import { createLogger } from "../log";
import { processToken, RECONCILE_CHANNEL, type ReconcileReason } from "./request-reconcile";

const log = createLogger("provisioning");

/**
 * Listens for nudges from other console processes (PostgreSQL LISTEN on a connection of its own, which Prisma's
 * pool cannot hold), reconnecting after a lost connection. Returns a function that stops listening.
 */
export function listenForReconcileRequests(
  onRequest: (reason: ReconcileReason) => void,
  reconnectMs = 5000,
): () => Promise<void> {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async () => {
    if (stopped) return;
    const c = new pg.Client({ connectionString: env.DATABASE_URL, connectionTimeoutMillis: 5000 });
    client = c;
    const again = () => {
      if (stopped || client !== c) return;
      client = undefined;
      c.end().catch(() => undefined);
      retry = setTimeout(() => void connect(), reconnectMs);
    };
    c.on("error", again);
    c.on("end", again);
    c.on("notification", (message) => {
      if (message.channel !== RECONCILE_CHANNEL || !message.payload) return;
      try {
        const { from, ...reason } = JSON.parse(message.payload) as ReconcileReason & { from?: string };
        if (from !== processToken) onRequest(reason);
      } catch {
        log.warn("ignored a malformed reconcile notification");
      }
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${RECONCILE_CHANNEL}`); // a constant identifier: LISTEN takes no parameters
    } catch (error) {
      log.debug("cannot listen for reconcile requests yet", { error });
      again();
    }
  };
  void connect();

  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => undefined);
  };
}
