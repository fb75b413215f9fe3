import type { Producer } from "kafkajs";
import type { KafkaConnectionConfig } from "./connection-config";
import { toKafkaError } from "./errors";
import { createKafkajs } from "./kafkajs-client";

export interface ProducerMessage {
  topic: string;
  key: string | null;
  value: string;
  headers?: Readonly<Record<string, string>>;
  /** The message timestamp (epoch ms, CreateTime); the producer's clock when absent. */
  timestamp?: number;
}

export interface KafkaProducerOptions {
  /**
   * Idempotent delivery (the broker drops a retried batch it already has). Needs no ACL beyond WRITE on a topic
   * since Kafka 3.0 (KIP-679 folded IDEMPOTENT_WRITE into WRITE). Default true.
   */
  idempotent?: boolean;
}

/** Sends batches of records, acknowledged by all in-sync replicas, in Rhei's types. */
export class KafkaProducer {
  private constructor(private readonly producer: Producer) {}

  static async connect(config: KafkaConnectionConfig, options: KafkaProducerOptions = {}): Promise<KafkaProducer> {
    const idempotent = options.idempotent ?? true;
    const producer = createKafkajs(config).producer({
      idempotent,
      // kafkajs lets an idempotent producer retry forever by default, and refuses one that may not retry at all;
      // a client must hear about a lost broker.
      retry: { retries: Math.max(idempotent ? 1 : 0, config.retries ?? 5), initialRetryTime: 300, maxRetryTime: 5000 },
      // One request in flight per broker keeps a retried batch from overtaking the next one.
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
    });
    try {
      await producer.connect();
    } catch (error) {
      throw toKafkaError(error, "connecting the producer");
    }
    return new KafkaProducer(producer);
  }

  /** Sends the records, grouped per topic, in one request per broker. */
  async send(messages: readonly ProducerMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const byTopic = new Map<
      string,
      { key: string | null; value: string; headers?: Record<string, string>; timestamp?: string }[]
    >();
    for (const m of messages) {
      let list = byTopic.get(m.topic);
      if (!list) {
        list = [];
        byTopic.set(m.topic, list);
      }
      list.push({
        key: m.key,
        value: m.value,
        ...(m.headers ? { headers: { ...m.headers } } : {}),
        ...(m.timestamp === undefined ? {} : { timestamp: String(m.timestamp) }),
      });
    }
    try {
      await this.producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, list]) => ({ topic, messages: list })),
      });
    } catch (error) {
      throw toKafkaError(error, `sending ${messages.length} record(s) to ${[...byTopic.keys()].join(", ")}`);
    }
  }

  async disconnect(): Promise<void> {
    await this.producer.disconnect();
  }
}
