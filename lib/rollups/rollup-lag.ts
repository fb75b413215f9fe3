import "server-only";
import { db } from "../db/client";
import { readPositions } from "../history/read-rollup-positions";
import { consoleKafkaConfig } from "../kafka/console-connection";
import { PartitionReader } from "../kafka/partition-reader";
import { systemTopics } from "../topology/system-topics";

/**
 * How many messages of the systems' `.int` (all systems when none are given) the rollup job has not rolled up yet:
 * the end of each partition less its stored position (the whole partition where it has none).
 */
export async function rollupLag(systemIds?: readonly string[]): Promise<number> {
  const systems = await db.system.findMany({
    where: systemIds ? { id: { in: [...systemIds] } } : {},
    select: { id: true, name: true },
  });
  const reader = PartitionReader.open(consoleKafkaConfig({ clientId: "rhei-rollups-lag" }));
  try {
    const topics = await reader.existing(systems.map((s) => systemTopics(s.name).int));
    if (topics.length === 0) return 0;
    const [ends, starts, positions] = await Promise.all([
      reader.offsetsFor(topics, "latest"),
      reader.offsetsFor(topics, "earliest"),
      readPositions(
        db,
        systems.map((s) => s.id),
      ),
    ]);
    let lag = 0;
    for (const s of systems) {
      const topic = systemTopics(s.name).int;
      (ends.get(topic) ?? []).forEach((end, partition) => {
        const from = positions.get(`${s.id}#${partition}`)?.next ?? starts.get(topic)?.[partition] ?? 0n;
        if (end > from) lag += Number(end - from);
      });
    }
    return lag;
  } finally {
    await reader.close();
  }
}
