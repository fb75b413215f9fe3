import { KafkaAdmin } from "./admin";
import type { KafkaConnectionConfig } from "./connection-config";
import { kafkaErrorKind } from "./errors";

export type KafkaHealth =
  | { up: true; clusterId: string; brokers: number; latencyMs: number }
  | { up: false; reason: string; kind: string };

/** One quick round trip with the given principal: no retries, so a dead broker answers within the timeout. */
export async function checkKafka(config: KafkaConnectionConfig, timeoutMs = 3000): Promise<KafkaHealth> {
  const started = performance.now();
  let admin: KafkaAdmin | undefined;
  try {
    admin = await KafkaAdmin.connect({
      ...config,
      retries: 0,
      connectionTimeoutMs: timeoutMs,
      requestTimeoutMs: timeoutMs,
    });
    const cluster = await admin.describeCluster();
    return {
      up: true,
      clusterId: cluster.clusterId,
      brokers: cluster.brokers.length,
      latencyMs: Math.round(performance.now() - started),
    };
  } catch (error) {
    const kind = kafkaErrorKind(error);
    const message = error instanceof Error ? error.message : String(error);
    return { up: false, kind, reason: message };
  } finally {
    await admin?.disconnect().catch(() => undefined);
  }
}
