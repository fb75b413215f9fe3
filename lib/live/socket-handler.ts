import "server-only";
import type { Socket } from "socket.io";
import type { z } from "zod";
import { isAppError } from "../errors";
import { createLogger } from "../log";
import { fieldErrorsOf } from "../validation";
import {
  type ClientToServerEvents,
  LIVE_PROTOCOL_VERSION,
  type ServerToClientEvents,
  type SocketAnswer,
  type SocketData,
  type SocketErrorBody,
} from "./events";

const log = createLogger("socket");

export type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/**
 * One client-to-server event: its payload schema and the domain operation it calls. The wiring validates the
 * payload, runs `handle` and answers through the acknowledgement, so a handler is only the call to the domain.
 */
export interface SocketHandler<S extends z.ZodType = z.ZodType, R = unknown> {
  event: string;
  payload: S;
  handle(socket: LiveSocket, payload: z.output<S>): Promise<R>;
}

export function defineSocketHandler<S extends z.ZodType, R>(handler: SocketHandler<S, R>): SocketHandler<S, R> {
  return handler;
}

/** A token bucket: `burst` requests at once, refilled at `perSecond`. */
export class RequestBudget {
  private tokens: number;
  private at = Date.now();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
  ) {
    this.tokens = burst;
  }

  take(): boolean {
    const now = Date.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.at) / 1000) * this.perSecond);
    this.at = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** Largest payload a handler accepts, as JSON characters: a subscription list, never data. */
export const MAX_PAYLOAD_CHARS = 16 * 1024;

function errorBody(event: string, error: unknown): SocketErrorBody {
  if (isAppError(error)) {
    const fields = error.fieldErrors ? Object.entries(error.fieldErrors) : [];
    const detail = fields.length > 0 ? ` (${fields.map(([f, m]) => `${f}: ${m.join("; ")}`).join(", ")})` : "";
    const message = error.message.includes(detail) ? error.message : `${error.message}${detail}`;
    return { code: error.code, message, event };
  }
  log.error("socket handler failed", { event, error });
  return { code: "internal", message: "Something went wrong on the server; it is logged", event };
}

function payloadProblem(
  schema: z.ZodType,
  payload: unknown,
): { ok: true; value: unknown } | { ok: false; why: string } {
  let size: number;
  try {
    size = JSON.stringify(payload ?? null).length;
  } catch {
    return { ok: false, why: "the payload is not JSON" };
  }
  if (size > MAX_PAYLOAD_CHARS)
    return { ok: false, why: `the payload is ${size} characters; at most ${MAX_PAYLOAD_CHARS}` };
  const parsed = schema.safeParse(payload);
  if (parsed.success) return { ok: true, value: parsed.data };
  const fields = fieldErrorsOf(parsed.error);
  return {
    ok: false,
    why: Object.entries(fields)
      .map(([f, m]) => (f === "_" ? m.join("; ") : `${f}: ${m.join("; ")}`))
      .join("; "),
  };
}

/**
 * Registers the handlers on a socket: each request is rate-limited per socket, validated, run, and answered. A
 * malformed request gets an error naming the problem and leaves the socket usable.
 */
export function bindHandlers(socket: LiveSocket, handlers: readonly SocketHandler[], budget: RequestBudget): void {
  for (const handler of handlers) {
    socket.on(handler.event, (payload: unknown, maybeAck?: unknown) => {
      // A client may send only an acknowledgement callback (no payload).
      const [body, ack] = typeof payload === "function" ? [undefined, payload] : [payload, maybeAck];
      const answer = (a: SocketAnswer<unknown>) => {
        if (typeof ack === "function") (ack as (a: SocketAnswer<unknown>) => void)(a);
        else if (!a.ok) socket.emit("socket:error", { v: LIVE_PROTOCOL_VERSION, error: a.error });
      };
      const fail = (code: string, message: string) =>
        answer({ ok: false, v: LIVE_PROTOCOL_VERSION, error: { code, message, event: handler.event } });
      if (!budget.take()) return fail("rate_limited", "Too many requests on this connection: slow down");
      const checked = payloadProblem(handler.payload, body);
      if (!checked.ok) return fail("validation", `Invalid ${handler.event} request: ${checked.why}`);
      handler.handle(socket, checked.value).then(
        (data) => answer({ ok: true, v: LIVE_PROTOCOL_VERSION, data }),
        (error: unknown) => answer({ ok: false, v: LIVE_PROTOCOL_VERSION, error: errorBody(handler.event, error) }),
      );
    });
  }
}
