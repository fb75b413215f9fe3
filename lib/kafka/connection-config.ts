// How to reach a Kafka cluster and as whom. Shared by the console (its admin principal, see console-connection.ts)
// and by the SDK (a client application's own principal), so neither depends on the other.
export type SaslMechanism = "scram-sha-512" | "scram-sha-256" | "plain";

export interface KafkaConnectionConfig {
  brokers: string[];
  clientId: string;
  sasl?: { mechanism: SaslMechanism; username: string; password: string };
  ssl?: boolean;
  /** Milliseconds to open a connection; short for health checks, longer for work. */
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** How many times a failed request is retried with backoff before the call fails. */
  retries?: number;
}

export function parseBroker(address: string): { host: string; port: number } {
  const at = address.lastIndexOf(":");
  const port = Number(address.slice(at + 1));
  if (at <= 0 || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`"${address}" is not a broker address of the form host:port`);
  }
  return { host: address.slice(0, at), port };
}
