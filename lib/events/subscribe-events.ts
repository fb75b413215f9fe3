import "server-only";
import pg from "pg";
import { env } from "../env";
import { createLogger } from "../log";
import {
  type ChangeEvent,
  type ChangeEventOf,
  type ChangeEventType,
  changeEventSchema,
  EVENTS_RESUMED,
} from "./change-event";
import { EVENTS_CHANNEL } from "./publish-event";

const log = createLogger("events");

export type EventsResumed = { type: typeof EVENTS_RESUMED };
export type EventHandler<T extends ChangeEventType = ChangeEventType> = (
  event: ChangeEventOf<T> | EventsResumed,
) => void;

interface Subscription {
  types: ReadonlySet<ChangeEventType> | undefined;
  handler: EventHandler;
}

/**
 * One LISTEN connection per process, shared by every subscriber, opened with the first subscription and closed
 * with the last. It reconnects by itself (every `reconnectMs`) and then tells subscribers EVENTS_RESUMED.
 */
class EventListener {
  private client: pg.Client | undefined;
  private retry: NodeJS.Timeout | undefined;
  private connectedOnce = false;
  /** True while LISTEN is in place. */
  listening = false;
  readonly subscriptions = new Set<Subscription>();

  constructor(private readonly reconnectMs: number) {}

  start(): void {
    if (this.client || this.retry) return;
    void this.connect();
  }

  async stop(): Promise<void> {
    clearTimeout(this.retry);
    this.retry = undefined;
    const c = this.client;
    this.client = undefined;
    this.connectedOnce = false;
    this.listening = false;
    await c?.end().catch(() => undefined);
  }

  private dispatch(event: ChangeEvent | EventsResumed): void {
    for (const s of this.subscriptions) {
      if (event.type !== EVENTS_RESUMED && s.types && !s.types.has(event.type)) continue;
      try {
        s.handler(event);
      } catch (error) {
        log.error("an event handler failed", { type: event.type, error });
      }
    }
  }

  private async connect(): Promise<void> {
    this.retry = undefined;
    if (this.subscriptions.size === 0) return;
    const c = new pg.Client({ connectionString: env.DATABASE_URL, connectionTimeoutMillis: 5000 });
    this.client = c;
    const again = () => {
      if (this.client !== c) return;
      this.client = undefined;
      this.listening = false;
      c.end().catch(() => undefined);
      if (this.subscriptions.size > 0) this.retry = setTimeout(() => void this.connect(), this.reconnectMs);
    };
    c.on("error", again);
    c.on("end", again);
    c.on("notification", (message) => {
      if (message.channel !== EVENTS_CHANNEL || !message.payload) return;
      let parsed: ReturnType<typeof changeEventSchema.safeParse>;
      try {
        parsed = changeEventSchema.safeParse(JSON.parse(message.payload));
      } catch {
        parsed = changeEventSchema.safeParse(undefined);
      }
      if (!parsed.success) {
        log.warn("ignored a malformed change event", { payload: message.payload.slice(0, 200) });
        return;
      }
      this.dispatch(parsed.data);
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${EVENTS_CHANNEL}`); // a constant identifier: LISTEN takes no parameters
      this.listening = true;
      if (this.connectedOnce) this.dispatch({ type: EVENTS_RESUMED });
      this.connectedOnce = true;
    } catch (error) {
      log.debug("cannot listen for change events yet", { error });
      again();
    }
  }
}

const globalForEvents = globalThis as unknown as { rheiEventListener?: EventListener };

function listener(): EventListener {
  globalForEvents.rheiEventListener ??= new EventListener(2000);
  return globalForEvents.rheiEventListener;
}

/**
 * Calls `handler` for every change event of the given types ("all": every type) published by any process, and for
 * EVENTS_RESUMED after the connection was lost and came back. Returns the unsubscribe function.
 */
export function subscribeEvents<T extends ChangeEventType>(
  types: readonly T[] | "all",
  handler: EventHandler<T>,
): () => Promise<void> {
  const l = listener();
  const subscription: Subscription = {
    types: types === "all" ? undefined : new Set<ChangeEventType>(types),
    // Safe: dispatch() passes this handler only events of its own types (and EVENTS_RESUMED).
    handler: handler as unknown as EventHandler,
  };
  l.subscriptions.add(subscription);
  l.start();
  return async () => {
    l.subscriptions.delete(subscription);
    if (l.subscriptions.size === 0) await l.stop();
  };
}

/** Resolves once this process listens (for tests and start-up ordering); rejects after `timeoutMs`. */
export async function eventsListening(timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  const l = listener();
  while (!l.listening) {
    if (Date.now() - started > timeoutMs) throw new Error("not listening for change events");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
