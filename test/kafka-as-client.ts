// Acting on the broker as a client application would: with the principal and secret Rhei issued.
import { Kafka, logLevel } from "kafkajs";
import type { KafkaConnectionConfig } from "@/lib/kafka/connection-config";
import { consoleKafkaConfig } from "@/lib/kafka/console-connection";
import { kafkaErrorKind } from "@/lib/kafka/errors";
import { createKafkajs } from "@/lib/kafka/kafkajs-client";

export function asClient(username: string, secret: string): KafkaConnectionConfig {
  return {
    ...consoleKafkaConfig(),
    clientId: username,
    sasl: { mechanism: "scram-sha-512", username, password: secret },
    // A few retries for what a fresh broker answers while it sets itself up (the group coordinator's topic is
    // created on first use); refusals (authentication, authorization) are not retried by kafkajs anyway.
    retries: 3,
    connectionTimeoutMs: 3000,
    requestTimeoutMs: 5000,
  };
}

/** The kind of error `work` fails with (authorization, authentication, …); throws if it succeeds. */
export async function refusal(work: () => Promise<unknown>): Promise<string> {
  try {
    await work();
  } catch (error) {
    return kafkaErrorKind(error);
  }
  throw new Error("expected Kafka to refuse, but it accepted");
}

export async function produce(config: KafkaConnectionConfig, topic: string, values: string[]): Promise<void> {
  const producer = createKafkajs(config).producer();
  await producer.connect();
  try {
    await producer.send({ topic, messages: values.map((value) => ({ key: "k", value })) });
  } finally {
    await producer.disconnect();
  }
}

/**
 * Consumes with `groupId` from the start of `topics` until `count` records arrived (resolves with them) or
 * the consumer crashed (rejects with its error) or `timeoutMs` passed (resolves with what arrived).
 */
export async function consume(
  config: KafkaConnectionConfig,
  groupId: string,
  topics: string[],
  count: number,
  timeoutMs = 15_000,
): Promise<string[]> {
  // kafkajs reports a group it may not use as "Failed to find group coordinator", dropping the broker's
  // GROUP_AUTHORIZATION_FAILED; its debug log still carries it, so the test can tell refusal from absence.
  const brokerErrors: unknown[] = [];
  const sasl = config.sasl;
  const kafka = new Kafka({
    clientId: config.clientId,
    brokers: config.brokers,
    sasl: sasl ? { mechanism: "scram-sha-512", username: sasl.username, password: sasl.password } : undefined,
    connectionTimeout: config.connectionTimeoutMs,
    requestTimeout: config.requestTimeoutMs,
    retry: { retries: config.retries ?? 3, initialRetryTime: 300 },
    logLevel: logLevel.DEBUG,
    logCreator: () => (entry) => {
      const error = (entry.log as { error?: unknown }).error;
      if (error && typeof error === "object") brokerErrors.push(error);
    },
  });
  const consumer = kafka.consumer({ groupId, retry: { retries: 0 } });
  const seen: string[] = [];
  try {
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, timeoutMs);
      consumer.on(consumer.events.CRASH, (event) => {
        clearTimeout(timer);
        reject(event.payload.error);
      });
      consumer
        .run({
          eachMessage: async ({ message }) => {
            seen.push(message.value?.toString() ?? "");
            if (seen.length >= count) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch((error: unknown) => {
          clearTimeout(timer);
          reject(error);
        });
    });
    return seen;
  } catch (error) {
    throw typeof error === "object" && error !== null ? Object.assign(error, { errors: brokerErrors }) : error;
  } finally {
    await consumer.disconnect().catch(() => undefined);
  }
}
