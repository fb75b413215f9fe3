import { Kafka, type LogEntry, logLevel } from "kafkajs";
import { createLogger } from "../log";
import type { KafkaConnectionConfig } from "./connection-config";

const log = createLogger("kafka");

// kafkajs logs every retry at ERROR, yet its failures reach callers as exceptions that say the same: keep its
// own lines at debug so that a broker outage does not flood the console's log.
function logCreator() {
  return ({ log: entry }: LogEntry) => {
    const { message, ...fields } = entry;
    log.debug(message, fields);
  };
}

/** The kafkajs instance behind lib/kafka. Only modules of lib/kafka call this. */
export function createKafkajs(config: KafkaConnectionConfig): Kafka {
  return new Kafka({
    clientId: config.clientId,
    brokers: config.brokers,
    ssl: config.ssl ?? false,
    sasl: config.sasl
      ? config.sasl.mechanism === "plain"
        ? { mechanism: "plain", username: config.sasl.username, password: config.sasl.password }
        : config.sasl.mechanism === "scram-sha-256"
          ? { mechanism: "scram-sha-256", username: config.sasl.username, password: config.sasl.password }
          : { mechanism: "scram-sha-512", username: config.sasl.username, password: config.sasl.password }
      : undefined,
    connectionTimeout: config.connectionTimeoutMs ?? 5000,
    requestTimeout: config.requestTimeoutMs ?? 30000,
    retry: kafkajsRetry(config),
    // Brokers end a SASL session after connections.max.reauth.ms (so a rotated secret stops open connections);
    // kafkajs authenticates again this long before the session ends. With a session shorter than this threshold
    // kafkajs would re-authenticate before every request, which brokers refuse (ILLEGAL_SASL_STATE): kafkajs'
    // default of 10 s is too long for sessions of 15 s or less.
    reauthenticationThreshold: 3000,
    logLevel: logLevel.WARN,
    logCreator,
  });
}

/** How kafkajs retries for Rhei: the client's setting, and a consumer's that adds to it. */
export function kafkajsRetry(config: KafkaConnectionConfig) {
  return { retries: config.retries ?? 5, initialRetryTime: 300, maxRetryTime: 5000 };
}
