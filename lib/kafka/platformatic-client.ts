import { Admin, SASLMechanisms } from "@platformatic/kafka";
import type { KafkaAdmin } from "./admin";
import type { KafkaConnectionConfig } from "./connection-config";
import { toKafkaError } from "./errors";

// @platformatic/kafka serves the few calls kafkajs lacks (SCRAM users, log dirs, committing a stopped group's
// offsets without joining it). Only modules of lib/kafka use it.

/** Connection options for @platformatic/kafka from Rhei's connection config. */
export function platformaticConnectionOptions(config: KafkaConnectionConfig) {
  return {
    connectTimeout: config.connectionTimeoutMs ?? 5000,
    requestTimeout: config.requestTimeoutMs ?? 30000,
    tls: config.ssl ? {} : undefined,
    sasl: config.sasl
      ? {
          mechanism:
            config.sasl.mechanism === "plain"
              ? SASLMechanisms.PLAIN
              : config.sasl.mechanism === "scram-sha-256"
                ? SASLMechanisms.SCRAM_SHA_256
                : SASLMechanisms.SCRAM_SHA_512,
          username: config.sasl.username,
          password: config.sasl.password,
        }
      : undefined,
  };
}

/**
 * Runs `work` with a short-lived @platformatic/kafka admin on the same cluster and principal as `admin`, and
 * counts its requests (`reads`/`writes` as the caller says) in admin's tally.
 */
export async function withPlatformaticAdmin<T>(
  admin: KafkaAdmin,
  context: string,
  work: (client: Admin) => Promise<T>,
): Promise<T> {
  const client = new Admin({
    clientId: admin.config.clientId,
    bootstrapBrokers: admin.config.brokers,
    retries: admin.config.retries ?? 3,
    retryDelay: 300,
    ...platformaticConnectionOptions(admin.config),
  });
  try {
    return await work(client);
  } catch (error) {
    throw toKafkaError(error, context);
  } finally {
    await client.close().catch(() => undefined);
  }
}
