import "server-only";
import { env } from "../../env";
import type { KafkaConnectionConfig } from "../../kafka/connection-config";
import { appPassword } from "../app-password";

/** How a worker reaches Kafka as the app's own principal (its password derived, see app-password.ts). */
export function appKafkaConfig(app: {
  name: string;
  principal: string;
  credentialVersion: number;
}): KafkaConnectionConfig {
  return {
    brokers: env.KAFKA_BROKERS,
    clientId: `rhei-app-${app.name}`,
    ssl: env.KAFKA_SSL,
    sasl: {
      mechanism: env.KAFKA_SASL_MECHANISM,
      username: app.principal,
      password: appPassword(app.principal, app.credentialVersion),
    },
    connectionTimeoutMs: 5000,
    requestTimeoutMs: 30_000,
    retries: 3,
  };
}
