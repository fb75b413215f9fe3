import type { KafkaAdmin } from "./admin";
import { toKafkaError } from "./errors";

/** Grows each topic to `count` partitions, all in one request (Kafka cannot remove partitions). */
export async function createPartitions(admin: KafkaAdmin, growth: { topic: string; count: number }[]): Promise<void> {
  if (growth.length === 0) return;
  try {
    await admin.kafkajs.createPartitions({ topicPartitions: growth.map(({ topic, count }) => ({ topic, count })) });
  } catch (error) {
    throw toKafkaError(error, `adding partitions to ${growth.map((g) => g.topic).join(", ")}`);
  }
}
