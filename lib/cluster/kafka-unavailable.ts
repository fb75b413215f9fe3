import "server-only";
import { AppError } from "../errors";
import { KafkaAdmin } from "../kafka/admin";
import { consoleKafkaConfig } from "../kafka/console-connection";
import { kafkaErrorKind } from "../kafka/errors";

/**
 * Runs a page's Kafka work with the console's admin principal and short timeouts, so that a dead broker answers
 * within seconds; Kafka being away becomes an AppError "unavailable" that pages show as a message.
 */
export async function withConsoleAdmin<T>(work: (admin: KafkaAdmin) => Promise<T>): Promise<T> {
  let admin: KafkaAdmin | undefined;
  try {
    admin = await KafkaAdmin.connect(
      consoleKafkaConfig({
        clientId: "rhei-console-cluster",
        retries: 1,
        connectionTimeoutMs: 3000,
        requestTimeoutMs: 10_000,
      }),
    );
    return await work(admin);
  } catch (error) {
    if (kafkaErrorKind(error) === "unavailable") {
      throw new AppError(
        "unavailable",
        `Kafka is unreachable: ${error instanceof Error ? error.message : error}`,
        undefined,
        {
          cause: error,
        },
      );
    }
    throw error;
  } finally {
    await admin?.disconnect().catch(() => undefined);
  }
}
