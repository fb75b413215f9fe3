import type { KafkaAdmin } from "./admin";
import { withPlatformaticAdmin } from "./platformatic-client";

export interface TopicSize {
  topic: string;
  /** Bytes on disk of one replica of the topic (the largest replica of each partition, summed). */
  bytes: number;
  partitions: { partition: number; bytes: number }[];
}

/**
 * Sizes on disk through DescribeLogDirs, which kafkajs lacks: @platformatic/kafka asks every broker for the
 * given partitions. Replicas of a partition are about the same size, so each partition counts once (its largest
 * replica), which is what "how much data does this topic hold" means to a user.
 */
export async function topicSizes(
  admin: KafkaAdmin,
  topics: { name: string; partitions: number[] }[],
): Promise<Map<string, TopicSize>> {
  const out = new Map<string, TopicSize>();
  if (topics.length === 0) return out;
  const brokers = await withPlatformaticAdmin(admin, "reading topic sizes", (client) =>
    client.describeLogDirs({ topics }),
  );
  admin.countRequest("reads");
  const largest = new Map<string, Map<number, number>>();
  for (const broker of brokers) {
    for (const dir of broker.results) {
      for (const t of dir.topics) {
        const perPartition = largest.get(t.name) ?? new Map<number, number>();
        for (const p of t.partitions) {
          if (p.isFutureKey) continue; // a replica being moved between directories, counted at its origin
          const bytes = Number(p.partitionSize);
          perPartition.set(p.partitionIndex, Math.max(perPartition.get(p.partitionIndex) ?? 0, bytes));
        }
        largest.set(t.name, perPartition);
      }
    }
  }
  for (const { name } of topics) {
    const partitions = [...(largest.get(name) ?? new Map<number, number>())]
      .map(([partition, bytes]) => ({ partition, bytes }))
      .sort((a, b) => a.partition - b.partition);
    out.set(name, { topic: name, bytes: partitions.reduce((sum, p) => sum + p.bytes, 0), partitions });
  }
  return out;
}
