// Kafka answers some requests with errors that mean "not yet": a topic created a moment ago is not in every
// broker's metadata (UNKNOWN_TOPIC_OR_PARTITION), a partition's leader or a group's coordinator is being elected,
// the controller moved. kafkajs retries some of these inside some calls and not others, so a benchmark or script
// that creates a topic right after the broker started could fail. Every admin request of lib/kafka goes through
// this bounded retry instead.

const notYet = new Set([
  "UNKNOWN_TOPIC_OR_PARTITION",
  "LEADER_NOT_AVAILABLE",
  "NOT_LEADER_FOR_PARTITION",
  "NOT_LEADER_OR_FOLLOWER",
  "REQUEST_TIMED_OUT",
  "NOT_CONTROLLER",
  "COORDINATOR_NOT_AVAILABLE",
  "COORDINATOR_LOAD_IN_PROGRESS",
  "NOT_COORDINATOR",
  "NOT_COORDINATOR_FOR_GROUP",
  "GROUP_COORDINATOR_NOT_AVAILABLE",
  "GROUP_LOAD_IN_PROGRESS",
  "REBALANCE_IN_PROGRESS",
  "UNKNOWN_LEADER_EPOCH",
  "FENCED_LEADER_EPOCH",
  "OFFSET_NOT_AVAILABLE",
  "KAFKA_STORAGE_ERROR",
]);

interface ErrorLike {
  type?: unknown;
  cause?: unknown;
  originalError?: unknown;
  errors?: unknown;
}

/** Whether the error (or one it wraps) is one of Kafka's "not yet" answers. */
export function isRetriableKafkaError(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 5) return false;
  const e = error as ErrorLike;
  if (typeof e.type === "string" && notYet.has(e.type)) return true;
  const inner = [e.originalError, e.cause, ...(Array.isArray(e.errors) ? e.errors : [])];
  return inner.some((i) => isRetriableKafkaError(i, depth + 1));
}

export interface RetryOptions {
  /** Attempts in all (the first included). */
  attempts?: number;
  /** Wait before the second attempt; doubles after each. */
  initialDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work`, again after a retriable error, at most `attempts` times in all (default 6 over about 3 s); any
 * other error, or the last retriable one, goes to the caller.
 */
export async function retryRetriable<T>(work: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 6;
  const sleep = options.sleep ?? pause;
  let delay = options.initialDelayMs ?? 100;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isRetriableKafkaError(error)) throw error;
      await sleep(delay);
      delay *= 2;
    }
  }
}
