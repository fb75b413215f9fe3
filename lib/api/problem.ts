import "server-only";
import { randomUUID } from "node:crypto";
import { translatePrismaError } from "../db/prisma-errors";
import { AppError, httpStatusOf, isAppError } from "../errors";
import { createLogger } from "../log";

const log = createLogger("api");

/** An error as an RFC 9457 problem document; unknown errors are logged and answered with a reference only. */
export function problemResponse(raw: unknown): Response {
  const error = translatePrismaError(raw);
  let problem: AppError;
  if (isAppError(error)) {
    problem = error;
  } else {
    const reference = randomUUID().slice(0, 8);
    log.error(`request failed (ref ${reference})`, { error: raw instanceof Error ? raw.stack : String(raw) });
    problem = new AppError("internal", `Something went wrong (reference ${reference}); the server log has details`);
  }
  const status = httpStatusOf[problem.code];
  return Response.json(
    {
      type: `https://rhei.dev/problems/${problem.code}`,
      title: problem.code.replace("_", " "),
      status,
      detail: problem.message,
      ...(problem.fieldErrors ? { errors: problem.fieldErrors } : {}),
    },
    {
      status,
      headers: {
        "Content-Type": "application/problem+json",
        ...(status === 401 ? { "WWW-Authenticate": 'Bearer realm="rhei", Basic realm="rhei-clients"' } : {}),
      },
    },
  );
}
