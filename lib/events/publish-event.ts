import "server-only";
import { db, type Tx } from "../db/client";
import { createLogger } from "../log";
import type { ChangeEvent } from "./change-event";

const log = createLogger("events");
export const EVENTS_CHANNEL = "rhei_events";

/**
 * Tells every console process and worker (this one too) about a change, through PostgreSQL NOTIFY. Inside the
 * transaction that made the change (`tx`), the event is delivered when it commits and never when it rolls back, so
 * no listener acts on a change that did not happen. Without `tx` it goes out at once. Listeners hear it through
 * subscribeEvents(); there is no second, in-process path, so every listener behaves the same wherever the change
 * was made.
 */
export async function publishEvent(event: ChangeEvent, tx?: Tx): Promise<void> {
  const payload = JSON.stringify(event);
  if (tx) {
    await tx.$executeRaw`SELECT pg_notify(${EVENTS_CHANNEL}, ${payload})`;
    return;
  }
  try {
    await db.$executeRaw`SELECT pg_notify(${EVENTS_CHANNEL}, ${payload})`;
  } catch (error) {
    // The change itself is committed; listeners that missed it catch up on their periodic pass.
    log.warn("could not publish a change event", { type: event.type, error });
  }
}
