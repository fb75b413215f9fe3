import { hasKafkaErrorType, kafkaErrorKind } from "../kafka/errors";
import { SdkError } from "./errors";

/** A Kafka failure as the SDK reports it: the code says what to check (secret, ACLs, broker), the cause is kept. */
export function sdkErrorFromKafka(error: unknown, context: string): SdkError {
  if (error instanceof SdkError) return error;
  const kind = kafkaErrorKind(error);
  const message = error instanceof Error ? error.message : String(error);
  if (hasKafkaErrorType(error, "INVALID_TIMESTAMP")) {
    return new SdkError(
      "invalid-time",
      `${context}: Kafka refused the records: a phenomenon time is older than the topic keeps records ` +
        `(message.timestamp.before.max.ms), so nothing of this batch was written (${message})`,
      { cause: error },
    );
  }
  switch (kind) {
    case "authentication":
      return new SdkError("authentication", `${context}: Kafka refused the credentials (${message})`, { cause: error });
    case "authorization":
      return new SdkError("authorization", `${context}: not allowed by the client's ACLs (${message})`, {
        cause: error,
      });
    case "unavailable":
      return new SdkError("unavailable", `${context}: Kafka is unreachable (${message})`, { cause: error });
    default:
      return new SdkError("kafka", `${context}: ${message}`, { cause: error });
  }
}
