// The SDK's one error type. `code` lets programs (and the CLI's exit message) tell a bad value from a refused
// credential from an unreachable broker without parsing messages; Kafka failures keep their KafkaError as `cause`.
export type SdkErrorCode =
  | "invalid-value"
  | "invalid-time"
  | "invalid-pattern"
  | "invalid-option"
  | "unknown-datastream"
  | "authentication"
  | "authorization"
  | "unavailable"
  | "kafka"
  | "console"
  | "closed";

export class SdkError extends Error {
  constructor(
    readonly code: SdkErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "SdkError";
  }
}

/** A value as it may appear inside an error message: JSON where possible, never longer than `max` characters. */
export function showValue(value: unknown, max = 80): string {
  let text: string;
  if (typeof value === "bigint") text = `${value}n`;
  else if (typeof value === "number" || value === undefined) text = String(value);
  else if (typeof value === "function") text = "a function";
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
