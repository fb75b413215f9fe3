// Kafka failures in Rhei's own words, whatever client library raised them, so callers can tell
// "not allowed" from "wrong password" from "broker away" without knowing kafkajs or @platformatic/kafka.
export type KafkaErrorKind = "authorization" | "authentication" | "unavailable" | "not-found" | "exists" | "other";

export class KafkaError extends Error {
  constructor(
    readonly kind: KafkaErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "KafkaError";
  }
}

const authorizationTypes = new Set([
  "TOPIC_AUTHORIZATION_FAILED",
  "GROUP_AUTHORIZATION_FAILED",
  "CLUSTER_AUTHORIZATION_FAILED",
  "TRANSACTIONAL_ID_AUTHORIZATION_FAILED",
  "DELEGATION_TOKEN_AUTHORIZATION_FAILED",
]);

interface ErrorLike {
  /** @platformatic/kafka's ResponseError: the response whose error codes say what failed. */
  response?: { topics?: { errorCode?: number }[] };
  name?: string;
  type?: string;
  message?: string;
  cause?: unknown;
  originalError?: unknown;
  errors?: unknown[];
}

function asErrorLike(error: unknown): ErrorLike {
  return typeof error === "object" && error !== null ? (error as ErrorLike) : { message: String(error) };
}

/** Walks kafkajs' wrapped errors (retries exceeded → original) to find what actually went wrong. */
export function kafkaErrorKind(error: unknown, depth = 0): KafkaErrorKind {
  if (error instanceof KafkaError) return error.kind;
  const e = asErrorLike(error);
  if (e.type && authorizationTypes.has(e.type)) return "authorization";
  if (e.type === "UNKNOWN_TOPIC_OR_PARTITION") return "not-found";
  if (/^Unknown topic /.test(e.message ?? "")) return "not-found"; // @platformatic/kafka's metadata
  const codes = (e.response?.topics ?? []).map((t) => t.errorCode);
  if (codes.includes(29)) return "authorization"; // TOPIC_AUTHORIZATION_FAILED
  if (codes.includes(3)) return "not-found"; // UNKNOWN_TOPIC_OR_PARTITION
  if (e.type === "TOPIC_ALREADY_EXISTS") return "exists";
  if (e.name === "KafkaJSSASLAuthenticationError" || e.type === "SASL_AUTHENTICATION_FAILED") return "authentication";
  if (/authentication failed|invalid credentials|SASL_AUTHENTICATION_FAILED/i.test(e.message ?? "")) {
    return "authentication";
  }
  if (/not authorized|authorization failed/i.test(e.message ?? "")) return "authorization";
  if (depth < 5) {
    for (const inner of [e.originalError, e.cause, ...(e.errors ?? [])]) {
      if (inner === undefined || inner === null) continue;
      const kind = kafkaErrorKind(inner, depth + 1);
      if (kind !== "other") return kind;
    }
  }
  if (
    e.name === "KafkaJSConnectionError" ||
    e.name === "KafkaJSNumberOfRetriesExceeded" ||
    e.name === "KafkaJSRequestTimeoutError" ||
    e.name === "KafkaJSBrokerNotFound" ||
    /ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH|Connection timeout|Closed connection/i.test(e.message ?? "")
  ) {
    return "unavailable";
  }
  return "other";
}

export function toKafkaError(error: unknown, context: string): KafkaError {
  if (error instanceof KafkaError) return error;
  const kind = kafkaErrorKind(error);
  const detail = asErrorLike(error).message ?? String(error);
  const inner = innerMessages(error).filter((m) => m !== detail);
  return new KafkaError(kind, `${context}: ${detail}${inner.length > 0 ? ` (${inner.join("; ")})` : ""}`, {
    cause: error,
  });
}

/** The messages of the errors an aggregate error holds (the library's "Producing messages failed." says no more). */
function innerMessages(error: unknown, depth = 0): string[] {
  if (typeof error !== "object" || error === null || depth > 4) return [];
  const e = error as { errors?: unknown; cause?: unknown };
  const inner = [...(Array.isArray(e.errors) ? e.errors : []), ...(e.cause ? [e.cause] : [])];
  return [
    ...new Set(
      inner.flatMap((i) => {
        const m = asErrorLike(i).message;
        return [...(m ? [m] : []), ...innerMessages(i, depth + 1)];
      }),
    ),
  ].slice(0, 5);
}

/** Whether the broker answered `type` (e.g. "INVALID_TIMESTAMP") somewhere in a wrapped error. */
export function hasKafkaErrorType(error: unknown, type: string, depth = 0): boolean {
  const e = asErrorLike(error);
  if (e.type === type) return true;
  if (depth >= 5) return false;
  return [e.originalError, e.cause, ...(e.errors ?? [])].some(
    (inner) => inner !== undefined && inner !== null && hasKafkaErrorType(inner, type, depth + 1),
  );
}
