import "server-only";
import { hkdfSync } from "node:crypto";
import { env } from "../env";
import type { KafkaConnectionConfig } from "../kafka/connection-config";
import { ROLLUP_PRINCIPAL } from "../topology/principals";

/**
 * The rollup job's Kafka password: RHEI_ROLLUP_KAFKA_PASSWORD, or derived from the session secret, so the console
 * (whose reconciler sets the SCRAM credential) and a worker process agree without another secret to hand around.
 */
export function rollupPassword(): string {
  return (
    env.RHEI_ROLLUP_KAFKA_PASSWORD ??
    Buffer.from(hkdfSync("sha256", env.NEXTAUTH_SECRET, "rhei", "kafka-principal/rhei-rollups", 32)).toString(
      "base64url",
    )
  );
}

/** How the rollup job reaches Kafka: as its own principal, which may only read the systems' data and its group. */
export function rollupKafkaConfig(overrides: Partial<KafkaConnectionConfig> = {}): KafkaConnectionConfig {
  return {
    brokers: env.KAFKA_BROKERS,
    clientId: "rhei-rollups",
    ssl: env.KAFKA_SSL,
    sasl: { mechanism: env.KAFKA_SASL_MECHANISM, username: ROLLUP_PRINCIPAL, password: rollupPassword() },
    ...overrides,
  };
}
