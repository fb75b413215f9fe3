import type { EventEmitter } from "node:events";
import { Admin, ConnectionPool, SASLMechanisms } from "@platformatic/kafka";
import type { KafkaAdmin } from "./admin";
import type { KafkaConnectionConfig } from "./connection-config";
import { toKafkaError } from "./errors";

// @platformatic/kafka serves the few calls kafkajs lacks (SCRAM users, log dirs, committing a stopped group's
// offsets without joining it). Only modules of lib/kafka use it.

/**
 * Gives every broker connection of a @platformatic/kafka client (or connection pool) an 'error' listener of its own.
 * The library listens for a connection's first error only (`once`): a connection that fails again, or fails to
 * re-authenticate (brokers ask for it every connections.max.reauth.ms) while the broker is away, emits 'error' with
 * no listener, an uncaught exception that ended a test run and would end a console process. The failure still
 * reaches whoever uses that connection (its requests fail, the pool drops it); this only keeps it from being thrown.
 */
export function keepConnectionErrors<T extends EventEmitter>(emitter: T): T {
  const guard = (payload: { connection?: EventEmitter }) => {
    payload.connection?.on("error", () => undefined);
  };
  // A pool says "connect"; a client forwards its pools' events as "client:broker:connect".
  emitter.on(emitter instanceof ConnectionPool ? "connect" : "client:broker:connect", guard);
  return emitter;
}

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
  const client = keepConnectionErrors(
    new Admin({
      clientId: admin.config.clientId,
      bootstrapBrokers: admin.config.brokers,
      retries: admin.config.retries ?? 3,
      retryDelay: 300,
      ...platformaticConnectionOptions(admin.config),
    }),
  );
  try {
    return await work(client);
  } catch (error) {
    throw toKafkaError(error, context);
  } finally {
    await client.close().catch(() => undefined);
  }
}
