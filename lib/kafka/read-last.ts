import type { KafkaConnectionConfig } from "./connection-config";
import { type FetchedRecord, PartitionReader } from "./partition-reader";

/**
 * The newest `perPartition` committed records of each partition of the topics, read without a group and bounded in
 * time (whatever arrived by `timeoutMs` is returned): for trying a draft query on recent data.
 */
export async function readLastRecords(
  config: KafkaConnectionConfig,
  topics: string[],
  { perPartition, timeoutMs = 5000 }: { perPartition: number; timeoutMs?: number },
): Promise<FetchedRecord[]> {
  if (topics.length === 0) return [];
  const reader = PartitionReader.open(config);
  const out: FetchedRecord[] = [];
  try {
    const [ends, starts] = await Promise.all([
      reader.offsetsFor(topics, "latest"),
      reader.offsetsFor(topics, "earliest"),
    ]);
    await reader.add(
      topics,
      (topic, partition) => {
        const end = ends.get(topic)?.[partition] ?? 0n;
        const start = starts.get(topic)?.[partition] ?? 0n;
        const from = end - BigInt(perPartition);
        return { offset: from > start ? from : start };
      },
      (topic, partition) => ends.get(topic)?.[partition] ?? 0n,
    );
    const deadline = Date.now() + timeoutMs;
    while (!reader.done && Date.now() < deadline) {
      out.push(...(await reader.fetch({ maxWaitMs: 0, maxBytesPerPartition: 262_144 })));
    }
  } finally {
    await reader.close();
  }
  return out;
}
