import "server-only";
import { db } from "../db/client";
import { checkKafka } from "../kafka/check-kafka";
import { consoleKafkaConfig } from "../kafka/console-connection";

export type ServiceHealth = { up: true; latencyMs: number; detail: string } | { up: false; reason: string };

export interface Health {
  ok: boolean;
  checkedAt: string;
  services: { postgresql: ServiceHealth; kafka: ServiceHealth };
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    work,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms),
    ),
  ]);
}

async function checkPostgres(): Promise<ServiceHealth> {
  const started = performance.now();
  try {
    const rows = await withTimeout(db.$queryRaw<{ version: string }[]>`SELECT version()`, 3000, "PostgreSQL");
    const version = rows[0]?.version.split(" ").slice(0, 2).join(" ") ?? "PostgreSQL";
    return { up: true, latencyMs: Math.round(performance.now() - started), detail: version };
  } catch (error) {
    return { up: false, reason: error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error) };
  }
}

async function checkKafkaService(): Promise<ServiceHealth> {
  const health = await checkKafka(consoleKafkaConfig(), 3000);
  return health.up
    ? { up: true, latencyMs: health.latencyMs, detail: `cluster ${health.clusterId}, ${health.brokers} broker(s)` }
    : { up: false, reason: health.reason };
}

// Status pages poll; a short memo keeps a crowd of them from turning into a crowd of broker connections.
let last: { at: number; health: Promise<Health> } | undefined;

export function checkHealth(maxAgeMs = 2000): Promise<Health> {
  if (last && Date.now() - last.at < maxAgeMs) return last.health;
  const health = Promise.all([checkPostgres(), checkKafkaService()]).then(([postgresql, kafka]) => ({
    ok: postgresql.up && kafka.up,
    checkedAt: new Date().toISOString(),
    services: { postgresql, kafka },
  }));
  last = { at: Date.now(), health };
  return health;
}
