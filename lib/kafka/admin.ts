import type { Admin } from "kafkajs";
import type { KafkaConnectionConfig } from "./connection-config";
import { toKafkaError } from "./errors";
import { createKafkajs } from "./kafkajs-client";
import { retryRetriable } from "./retry-retriable";

export interface TopicSpec {
  name: string;
  partitions: number;
  replicationFactor: number;
  configs: Record<string, string>;
}

export interface TopicPartitionOffsets {
  partition: number;
  /** First offset still held (log start). */
  start: string;
  /** Offset the next record will get (high watermark). */
  end: string;
}

// Requests that change the cluster; everything else kafkajs sends from an admin only reads.
const writeApis = new Set([
  "CreateTopics",
  "DeleteTopics",
  "CreatePartitions",
  "AlterConfigs",
  "IncrementalAlterConfigs",
  "CreateAcls",
  "DeleteAcls",
  "OffsetCommit",
  "DeleteGroups",
  "DeleteRecords",
]);

// kafkajs admin calls that send requests: each is retried on Kafka's "not yet" answers (retry-retriable.ts).
const requestMethods = new Set<string>([
  "listTopics",
  "createTopics",
  "deleteTopics",
  "createPartitions",
  "fetchTopicMetadata",
  "fetchTopicOffsets",
  "fetchTopicOffsetsByTimestamp",
  "describeCluster",
  "listGroups",
  "describeGroups",
  "deleteGroups",
  "fetchOffsets",
  "setOffsets",
  "resetOffsets",
  "describeConfigs",
  "alterConfigs",
  "describeAcls",
  "createAcls",
  "deleteAcls",
]);

/** The admin with every request method retried; anything else (events, connect) passes through. */
function retrying(admin: Admin): Admin {
  return new Proxy(admin, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof property !== "string" || !requestMethods.has(property) || typeof value !== "function") return value;
      return (...args: unknown[]) => retryRetriable(() => value.apply(target, args));
    },
  });
}

/**
 * The console's view of a cluster's administration, in Rhei's types. Counts the requests it sends (reads and
 * writes) so the reconciler can prove that a pass over an unchanged cluster writes nothing.
 */
export class KafkaAdmin {
  readonly requests = { reads: 0, writes: 0 };
  private readonly admin: Admin;

  private constructor(
    readonly config: KafkaConnectionConfig,
    raw: Admin,
  ) {
    this.admin = retrying(raw);
    raw.on(raw.events.REQUEST, (event) => {
      if (writeApis.has(event.payload.apiName)) this.requests.writes++;
      else this.requests.reads++;
    });
  }

  static async connect(config: KafkaConnectionConfig): Promise<KafkaAdmin> {
    const admin = createKafkajs(config).admin();
    try {
      await admin.connect();
    } catch (error) {
      throw toKafkaError(error, "connecting to Kafka");
    }
    return new KafkaAdmin(config, admin);
  }

  /** Counts a request sent outside kafkajs (the SCRAM calls) in the same tally. */
  countRequest(kind: "reads" | "writes"): void {
    this.requests[kind]++;
  }

  async disconnect(): Promise<void> {
    await this.admin.disconnect();
  }

  async describeCluster() {
    try {
      return await this.admin.describeCluster();
    } catch (error) {
      throw toKafkaError(error, "describing the cluster");
    }
  }

  async listTopics(): Promise<string[]> {
    try {
      return await this.admin.listTopics();
    } catch (error) {
      throw toKafkaError(error, "listing topics");
    }
  }

  async describeTopics(names: string[]) {
    if (names.length === 0) return [];
    try {
      const { topics } = await this.admin.fetchTopicMetadata({ topics: names });
      return topics.map((t) => ({
        name: t.name,
        partitions: t.partitions
          .map((p) => ({ partition: p.partitionId, leader: p.leader, replicas: p.replicas, isr: p.isr }))
          .sort((a, b) => a.partition - b.partition),
      }));
    } catch (error) {
      throw toKafkaError(error, `describing topics ${names.join(", ")}`);
    }
  }

  /** Creates the topics that do not exist yet; returns the names it created. */
  async createTopics(specs: TopicSpec[]): Promise<string[]> {
    if (specs.length === 0) return [];
    try {
      await this.admin.createTopics({
        waitForLeaders: true,
        topics: specs.map((s) => ({
          topic: s.name,
          numPartitions: s.partitions,
          replicationFactor: s.replicationFactor,
          configEntries: Object.entries(s.configs).map(([name, value]) => ({ name, value })),
        })),
      });
      return specs.map((s) => s.name);
    } catch (error) {
      throw toKafkaError(error, `creating topics ${specs.map((s) => s.name).join(", ")}`);
    }
  }

  async deleteTopics(names: string[]): Promise<void> {
    if (names.length === 0) return;
    try {
      await this.admin.deleteTopics({ topics: names });
    } catch (error) {
      throw toKafkaError(error, `deleting topics ${names.join(", ")}`);
    }
  }

  async topicOffsets(topic: string): Promise<TopicPartitionOffsets[]> {
    try {
      const rows = await this.admin.fetchTopicOffsets(topic);
      return rows
        .map((r) => ({ partition: r.partition, start: r.low, end: r.high }))
        .sort((a, b) => a.partition - b.partition);
    } catch (error) {
      throw toKafkaError(error, `reading the offsets of ${topic}`);
    }
  }

  /** Per partition, the first offset whose record time is at or after `timestampMs` (the end offset if none). */
  async offsetsForTime(topic: string, timestampMs: number): Promise<{ partition: number; offset: string }[]> {
    try {
      const rows = await this.admin.fetchTopicOffsetsByTimestamp(topic, timestampMs);
      return rows.map((r) => ({ partition: r.partition, offset: r.offset })).sort((a, b) => a.partition - b.partition);
    } catch (error) {
      throw toKafkaError(error, `finding offsets for ${new Date(timestampMs).toISOString()} in ${topic}`);
    }
  }

  /**
   * The kafkajs admin (its requests retried on Kafka's "not yet" answers), for the modules of lib/kafka that extend
   * this one (ACLs, configs, groups).
   */
  get kafkajs(): Admin {
    return this.admin;
  }
}
