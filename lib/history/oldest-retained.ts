import "server-only";
import type { KafkaConnectionConfig } from "../kafka/connection-config";
import { PartitionReader } from "../kafka/partition-reader";
import type { TraceReadStats } from "./read-trace";

/**
 * Whether a read began at the start of what Kafka still keeps of a partition that retention has already cut (its
 * log start above 0): then the range reaches back before the oldest retained record, and this says from when data
 * exists (the broker time of the first record kept, the earliest over those partitions).
 */
export async function oldestRetained(
  kafka: KafkaConnectionConfig,
  stats: TraceReadStats | undefined,
): Promise<{ oldest: string | null; truncated: boolean }> {
  const cut = (stats?.partitions ?? []).filter((p) => p.logStart > 0n && p.start <= p.logStart);
  if (cut.length === 0) return { oldest: null, truncated: false };
  const reader = PartitionReader.open(kafka);
  try {
    const first = new Map(cut.map((p) => [`${p.topic}#${p.partition}`, p.logStart]));
    const topics = [...new Set(cut.map((p) => p.topic))];
    await reader.add(
      topics,
      (topic, partition) => ({ offset: first.get(`${topic}#${partition}`) ?? 0n }),
      (topic, partition) => {
        const at = first.get(`${topic}#${partition}`);
        return at === undefined ? 0n : at + 1n;
      },
    );
    const fetched = await reader.fetch({ maxWaitMs: 0, maxBytesPerPartition: 64 * 1024 });
    const times = fetched.map((m) => m.timestamp).filter((t) => t >= 0);
    return { oldest: times.length > 0 ? new Date(Math.min(...times)).toISOString() : null, truncated: true };
  } catch {
    return { oldest: null, truncated: true };
  } finally {
    await reader.close();
  }
}
