import "server-only";
import { env } from "../env";
import type { KafkaConnectionConfig } from "./connection-config";

/** The console's own principal: the only one, besides the broker's, with super-user rights. */
export function consoleKafkaConfig(overrides: Partial<KafkaConnectionConfig> = {}): KafkaConnectionConfig {
  return {
    brokers: env.KAFKA_BROKERS,
    clientId: "rhei-console",
    ssl: env.KAFKA_SSL,
    sasl: {
      mechanism: env.KAFKA_SASL_MECHANISM,
      username: env.KAFKA_ADMIN_USERNAME,
      password: env.KAFKA_ADMIN_PASSWORD,
    },
    ...overrides,
  };
}

/** Bootstrap servers as client applications should be told them. */
export function clientBootstrapServers(): string {
  return env.KAFKA_CLIENT_BROKERS ?? env.KAFKA_BROKERS.join(",");
}
