// One error type for everything a user can be told, and one translation to HTTP (lib/api/problem.ts).
export type AppErrorCode =
  | "validation"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "rate_limited"
  | "unavailable"
  | "internal";

export const httpStatusOf: Record<AppErrorCode, number> = {
  validation: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldErrors?: FieldErrors,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "AppError";
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} not found`);
export const forbidden = (why: string) => new AppError("forbidden", why);
export const conflict = (why: string, fieldErrors?: FieldErrors) => new AppError("conflict", why, fieldErrors);
export const invalid = (why: string, fieldErrors?: FieldErrors) => new AppError("validation", why, fieldErrors);
export const unauthenticated = () => new AppError("unauthenticated", "Sign in first");

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
