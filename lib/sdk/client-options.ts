import { type KafkaConnectionConfig, parseBroker, type SaslMechanism } from "../kafka/connection-config";
import { clientPrincipal } from "../topology/principals";
import type { DatastreamCatalog } from "./datastream-catalog";
import type { DatastreamInfoInput } from "./datastream-info";
import { SdkError } from "./errors";
import type { RejectedRecord } from "./rejected-record";
import type { RejectionReporter } from "./rejection-reporter";

export interface RheiClientOptions {
  /** The console's URL (https://…): needed for register(), the console's datastream catalog and rejection reports. */
  console?: string;
  /** The fetch for the console's API (default: the global one). */
  fetch?: typeof fetch;
  /** Kafka bootstrap servers as the console's client page shows them: "host:port,host:port" or a list. */
  bootstrapServers: string | string[];
  /** The client's system, `domain.enterprise.workcenter.station`. */
  system: string;
  /** The client's name within its system. */
  client: string;
  /** The secret Rhei issued: SCRAM password on Kafka, HTTP Basic password on the console. */
  secret: string;
  /** TLS to Kafka. Default false. */
  ssl?: boolean;
  /** Default "scram-sha-512", what Rhei provisions. */
  saslMechanism?: SaslMechanism;
  /** Datastreams to know without asking the console (types and units), e.g. for tests or offline use. */
  datastreams?: DatastreamInfoInput[];
  /** Where types and units come from; default: the console's catalog when `console` is set, else `datastreams`. */
  catalog?: DatastreamCatalog;
  /** Where rejected records are reported; default: the console when `console` is set, else nowhere (counted only). */
  rejectionReporter?: RejectionReporter;
  /** Called for every record the SDK could not decode or whose result its type refuses. */
  onRejected?: (rejection: RejectedRecord) => void;
  /** Reference-platform records that name their datastream by `@iot.id`: which full name each id stands for. */
  legacyDatastreamIds?: Record<string, string>;
  producer?: {
    /** ms a record may wait for companions before its batch is sent. Default 5. */
    lingerMs?: number;
    /** Records per send. Default 1000. */
    maxBatchRecords?: number;
    /** Records held before produce() waits (backpressure). Default 10000. */
    maxBufferedRecords?: number;
    /** Idempotent delivery. Default true. */
    idempotent?: boolean;
  };
  consumer?: {
    /** Records held between Kafka and consume()'s reader. Default 5000. */
    maxBufferedRecords?: number;
    /** How often delivered positions are committed. Default 1000 ms. */
    commitIntervalMs?: number;
    /** Where a group without a committed position starts. Default "earliest". */
    startFrom?: "earliest" | "latest";
  };
  /** Kafka retries before a call fails (default 5); connection and request timeouts in ms. */
  retries?: number;
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
}

const systemPattern = /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+){3}$/;
const clientPattern = /^[A-Za-z0-9_-]+$/;

function invalid(message: string): never {
  throw new SdkError("invalid-option", message);
}

/** The options checked, and the Kafka connection of the client's own principal, `<system>.<client>`. */
export function checkClientOptions(options: RheiClientOptions): { principal: string; kafka: KafkaConnectionConfig } {
  const { system, client, secret } = options;
  if (typeof system !== "string" || !systemPattern.test(system)) {
    invalid(`system "${system}" is not domain.enterprise.workcenter.station (letters, digits and '-' per level)`);
  }
  if (typeof client !== "string" || !clientPattern.test(client)) {
    invalid(`client "${client}" is not a client name (letters, digits, '-' and '_')`);
  }
  if (typeof secret !== "string" || secret === "") invalid("secret is missing: use the one the console issued");
  const brokers = (
    Array.isArray(options.bootstrapServers)
      ? options.bootstrapServers
      : String(options.bootstrapServers ?? "").split(",")
  )
    .map((b) => b.trim())
    .filter(Boolean);
  if (brokers.length === 0) invalid("bootstrapServers is missing (host:port, comma-separated)");
  for (const b of brokers) {
    try {
      parseBroker(b);
    } catch (error) {
      invalid(`bootstrapServers: ${(error as Error).message}`);
    }
  }
  const principal = clientPrincipal(system, client);
  return {
    principal,
    kafka: {
      brokers,
      clientId: principal,
      ssl: options.ssl ?? false,
      sasl: { mechanism: options.saslMechanism ?? "scram-sha-512", username: principal, password: secret },
      retries: options.retries,
      connectionTimeoutMs: options.connectionTimeoutMs,
      requestTimeoutMs: options.requestTimeoutMs,
    },
  };
}

export interface ClientStats {
  /** Records acknowledged by Kafka. */
  produced: number;
  /** Records accepted by produce()/log() and not yet acknowledged. */
  buffered: number;
  /** Records delivered by consume(), replay() and tail(). */
  consumed: number;
  /** Records fetched by consume() and waiting for the reader (bounded by consumer.maxBufferedRecords). */
  waiting: number;
  /** Messages rejected (undecodable, or a result its type refuses). */
  rejected: number;
  /** Rejections reported to the console / kept back because the console could not take them. */
  rejectionsReported: number;
  rejectionsUnreported: number;
}
