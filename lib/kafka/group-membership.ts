import { type Broker, Consumer } from "@platformatic/kafka";
import type { KafkaConnectionConfig } from "./connection-config";
import { KafkaError, toKafkaError } from "./errors";
import { keepConnectionErrors, platformaticConnectionOptions } from "./platformatic-client";

// Membership of a consumer group for partition assignment only: Kafka's group protocol decides which member holds
// which partition, so starting more workers spreads an app's partitions over them. Nothing here fetches or commits:
// the stream-app runner reads with RawFetcher and commits offsets inside its transactions, fenced by one
// transactional id per input partition, so a member that lost a partition without knowing it (a paused process, a
// late rebalance) can never commit for it. @platformatic/kafka's Consumer speaks the classic group protocol
// (JoinGroup, SyncGroup, heartbeats, rejoining on a rebalance) without fetching anything.

export interface PartitionRef {
  topic: string;
  partition: number;
}

export interface TopicLayout {
  id: string;
  /** The leader's broker of each partition. */
  leaders: Broker[];
}

export interface GroupMembershipOptions {
  groupId: string;
  topics: string[];
  /** A member silent this long leaves the group (its partitions move on). */
  sessionTimeoutMs?: number;
  /** This member's partitions after each (re)balance. */
  onAssignment(partitions: PartitionRef[], generation: number): void;
  /** The group began a rebalance: the current assignment is about to change. */
  onRebalance?(): void;
  /** The membership failed in a way it does not recover from by itself (the caller joins again). */
  onError(error: KafkaError): void;
}

export class GroupMembership {
  private closed = false;

  private constructor(
    private readonly consumer: Consumer,
    readonly groupId: string,
  ) {}

  static async join(config: KafkaConnectionConfig, options: GroupMembershipOptions): Promise<GroupMembership> {
    const sessionTimeout = options.sessionTimeoutMs ?? 10_000;
    const consumer = keepConnectionErrors(
      new Consumer({
        clientId: config.clientId,
        bootstrapBrokers: config.brokers,
        groupId: options.groupId,
        timeout: config.requestTimeoutMs ?? 30_000,
        retries: config.retries ?? 3,
        retryDelay: 500,
        sessionTimeout,
        rebalanceTimeout: sessionTimeout * 2,
        heartbeatInterval: Math.max(500, Math.floor(sessionTimeout / 4)),
        ...platformaticConnectionOptions(config),
      }),
    );
    const membership = new GroupMembership(consumer, options.groupId);
    const assignmentOf = (assignments: { topic: string; partitions: number[] }[] | null | undefined): PartitionRef[] =>
      (assignments ?? []).flatMap((a) => a.partitions.map((partition) => ({ topic: a.topic, partition })));
    consumer.on("consumer:group:join", (payload) => {
      if (membership.closed) return;
      const p = payload as { generationId?: number; assignments?: { topic: string; partitions: number[] }[] };
      options.onAssignment(assignmentOf(p.assignments), p.generationId ?? consumer.generationId);
    });
    consumer.on("consumer:group:rebalance", () => {
      if (!membership.closed) options.onRebalance?.();
    });
    // A failed rejoin after a rebalance (the group's ACL removed, the credential gone, the broker away): the
    // library gives up on the membership, so the caller starts over with a new one.
    consumer.on("error" as never, (error: unknown) => {
      if (!membership.closed) options.onError(toKafkaError(error, `the membership of group ${options.groupId}`));
    });
    try {
      consumer.topics.trackAll(...options.topics);
      await consumer.joinGroup({});
    } catch (error) {
      membership.closed = true;
      await closeConsumer(consumer);
      throw toKafkaError(error, `joining group ${options.groupId}`);
    }
    return membership;
  }

  /** The topics' ids and partition leaders. */
  async layout(topics: string[]): Promise<Map<string, TopicLayout>> {
    try {
      const metadata = await this.consumer.metadata({ topics });
      const out = new Map<string, TopicLayout>();
      for (const topic of topics) {
        const t = metadata.topics.get(topic);
        if (!t) throw new KafkaError("not-found", `topic ${topic} does not exist`);
        const leaders = t.partitions.map((p) => {
          const b = metadata.brokers.get(p.leader);
          if (!b) throw new KafkaError("unavailable", `partition ${topic}/${p} has no leader`);
          return { host: b.host, port: b.port };
        });
        out.set(topic, { id: t.id, leaders });
      }
      return out;
    } catch (error) {
      throw toKafkaError(error, `reading the metadata of ${topics.join(", ")}`);
    }
  }

  /** The broker coordinating the group (offsets are read from it and committed to it), and its node id. */
  async coordinator(): Promise<{ id: number; broker: Broker }> {
    try {
      const id = await this.consumer.findGroupCoordinator();
      const metadata = await this.consumer.metadata({ topics: [] });
      const b = metadata.brokers.get(id);
      if (!b) throw new KafkaError("unavailable", `the coordinator of group ${this.groupId} is not in the metadata`);
      return { id, broker: { host: b.host, port: b.port } };
    } catch (error) {
      throw toKafkaError(error, `finding the coordinator of group ${this.groupId}`);
    }
  }

  /** Commits the group's next offsets of partitions this member holds (the current generation's member only). */
  async commit(offsets: { topic: string; partition: number; offset: bigint }[]): Promise<void> {
    try {
      await this.consumer.commit({ offsets: offsets.map((o) => ({ ...o, leaderEpoch: -1 })) });
    } catch (error) {
      throw toKafkaError(error, `committing the offsets of group ${this.groupId}`);
    }
  }

  /** Leaves the group (its partitions move to the other members at once) and closes the connections. */
  async leave(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await closeConsumer(this.consumer);
  }
}

/** Closes, leaving the group; never throws (a consumer that cannot reach the broker is closed all the same). */
function closeConsumer(consumer: Consumer): Promise<void> {
  return new Promise((resolve) => consumer.close(true, () => resolve()));
}
