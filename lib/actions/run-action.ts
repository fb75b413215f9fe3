import "server-only";
import { randomUUID } from "node:crypto";
import { translatePrismaError } from "../db/prisma-errors";
import { type AppErrorCode, type FieldErrors, isAppError } from "../errors";
import { createLogger } from "../log";

const log = createLogger("action");

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: AppErrorCode; error: string; fieldErrors?: FieldErrors };

/**
 * Runs a server action's work and turns failures into a result the form can show. Unknown failures are logged
 * with a reference and reach the user as that reference only, never as internals.
 */
export async function runAction<T>(work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (raw) {
    const error = translatePrismaError(raw);
    if (isAppError(error)) return { ok: false, code: error.code, error: error.message, fieldErrors: error.fieldErrors };
    // redirect() and notFound() from next/navigation signal by throwing; they must reach Next.js.
    if (
      typeof raw === "object" &&
      raw !== null &&
      "digest" in raw &&
      typeof raw.digest === "string" &&
      raw.digest.startsWith("NEXT_")
    ) {
      throw raw;
    }
    const reference = randomUUID().slice(0, 8);
    log.error(`action failed (ref ${reference})`, { error: raw instanceof Error ? raw.stack : String(raw) });
    return {
      ok: false,
      code: "internal",
      error: `Something went wrong (reference ${reference}); the server log has details`,
    };
  }
}
