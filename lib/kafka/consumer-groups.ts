// CommonJS names hidden from Node's ESM named imports (see acls.ts): taken from the default export.
import kafkajs from "kafkajs";
import type { KafkaAdmin, TopicPartitionOffsets } from "./admin";
import { KafkaError, toKafkaError } from "./errors";
import { withPlatformaticAdmin } from "./platformatic-client";

const { AssignerProtocol } = kafkajs;

export type ConsumerGroupState =
  | "stable"
  | "empty"
  | "dead"
  | "preparing-rebalance"
  | "completing-rebalance"
  | "unknown";

export interface ConsumerGroupMember {
  memberId: string;
  clientId: string;
  host: string;
  /** The partitions assigned to the member (consumer groups only). */
  assignment: { topic: string; partitions: number[] }[];
}

export interface ConsumerGroupDescription {
  groupId: string;
  state: ConsumerGroupState;
  protocolType: string;
  protocol: string;
  members: ConsumerGroupMember[];
}

export interface PartitionLag {
  topic: string;
  partition: number;
  /** The group's committed offset; null when it has none for this partition. */
  committed: string | null;
  start: string;
  end: string;
  /** end − committed; null without a commit. */
  lag: string | null;
}

export type OffsetResetTarget = { to: "start" } | { to: "end" } | { to: "time"; at: Date };

export interface OffsetResetPosition {
  topic: string;
  partition: number;
  current: string | null;
  target: string;
}

const states: Record<string, ConsumerGroupState> = {
  Stable: "stable",
  Empty: "empty",
  Dead: "dead",
  PreparingRebalance: "preparing-rebalance",
  CompletingRebalance: "completing-rebalance",
};

/** A group with no members: its offsets may be moved without racing a running consumer. */
export function isStopped(state: ConsumerGroupState): boolean {
  return state === "empty" || state === "dead";
}

export async function listConsumerGroups(admin: KafkaAdmin): Promise<{ groupId: string; protocolType: string }[]> {
  try {
    const { groups } = await admin.kafkajs.listGroups();
    return groups
      .map((g) => ({ groupId: g.groupId, protocolType: g.protocolType }))
      .sort((a, b) => a.groupId.localeCompare(b.groupId));
  } catch (error) {
    throw toKafkaError(error, "listing consumer groups");
  }
}

function decodeAssignment(buffer: Buffer, protocolType: string): ConsumerGroupMember["assignment"] {
  if (protocolType !== "consumer" || !buffer || buffer.length === 0) return [];
  try {
    const decoded = AssignerProtocol.MemberAssignment.decode(buffer);
    return Object.entries(decoded?.assignment ?? {}).map(([topic, partitions]) => ({
      topic,
      partitions: [...partitions].sort((a, b) => a - b),
    }));
  } catch {
    return []; // a non-kafkajs client may encode user data kafkajs cannot read; the member still shows
  }
}

export async function describeConsumerGroups(
  admin: KafkaAdmin,
  groupIds: string[],
): Promise<ConsumerGroupDescription[]> {
  if (groupIds.length === 0) return [];
  try {
    const { groups } = await admin.kafkajs.describeGroups(groupIds);
    return groups.map((g) => ({
      groupId: g.groupId,
      state: states[g.state] ?? "unknown",
      protocolType: g.protocolType,
      protocol: g.protocol,
      members: g.members.map((m) => ({
        memberId: m.memberId,
        clientId: m.clientId,
        host: m.clientHost,
        assignment: decodeAssignment(m.memberAssignment, g.protocolType),
      })),
    }));
  } catch (error) {
    throw toKafkaError(error, `describing consumer groups ${groupIds.join(", ")}`);
  }
}

/**
 * Per partition of `topics`: the group's committed offset, the log's start and end, and the lag. `known` offsets
 * (from an earlier read of the same topics) spare one request per topic when listing many groups.
 */
export async function consumerGroupLag(
  admin: KafkaAdmin,
  groupId: string,
  topics: string[],
  known?: Map<string, TopicPartitionOffsets[]>,
): Promise<PartitionLag[]> {
  if (topics.length === 0) return [];
  try {
    const committed = await admin.kafkajs.fetchOffsets({ groupId, topics });
    const out: PartitionLag[] = [];
    for (const t of committed) {
      const offsets = known?.get(t.topic) ?? (await admin.topicOffsets(t.topic));
      const bounds = new Map(offsets.map((o) => [o.partition, o]));
      for (const p of t.partitions) {
        const b = bounds.get(p.partition);
        if (!b) continue;
        const has = BigInt(p.offset) >= 0n;
        out.push({
          topic: t.topic,
          partition: p.partition,
          committed: has ? p.offset : null,
          start: b.start,
          end: b.end,
          lag: has ? (BigInt(b.end) > BigInt(p.offset) ? BigInt(b.end) - BigInt(p.offset) : 0n).toString() : null,
        });
      }
    }
    return out.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
  } catch (error) {
    throw toKafkaError(error, `reading the offsets of group ${groupId}`);
  }
}

/** Where a reset would put the group on each partition of `topics`; changes nothing. */
export async function previewOffsetReset(
  admin: KafkaAdmin,
  { groupId, topics, target }: { groupId: string; topics: string[]; target: OffsetResetTarget },
): Promise<OffsetResetPosition[]> {
  const lag = await consumerGroupLag(admin, groupId, topics);
  const atTime = new Map<string, Map<number, string>>();
  if (target.to === "time") {
    for (const topic of topics) {
      const rows = await admin.offsetsForTime(topic, target.at.getTime());
      atTime.set(topic, new Map(rows.map((r) => [r.partition, r.offset])));
    }
  }
  return lag.map((p) => ({
    topic: p.topic,
    partition: p.partition,
    current: p.committed,
    target:
      target.to === "start" ? p.start : target.to === "end" ? p.end : (atTime.get(p.topic)?.get(p.partition) ?? p.end),
  }));
}

/**
 * Moves a stopped group's committed offsets (as kafka-consumer-groups --reset-offsets does): refused while the
 * group has members, since a running consumer would overwrite them with its next commit. Returns the positions
 * it set. Commits with no generation, so the console never joins the group itself.
 */
export async function resetConsumerGroupOffsets(
  admin: KafkaAdmin,
  options: { groupId: string; topics: string[]; target: OffsetResetTarget },
): Promise<OffsetResetPosition[]> {
  const [group] = await describeConsumerGroups(admin, [options.groupId]);
  if (group && !isStopped(group.state)) {
    throw new KafkaError(
      "other",
      `consumer group ${options.groupId} is ${group.state} with ${group.members.length} member(s): stop it first`,
    );
  }
  const positions = await previewOffsetReset(admin, options);
  if (positions.length === 0) return [];
  const byTopic = new Map<string, { partition: number; offset: bigint }[]>();
  for (const p of positions) {
    const list = byTopic.get(p.topic) ?? [];
    list.push({ partition: p.partition, offset: BigInt(p.target) });
    byTopic.set(p.topic, list);
  }
  await withPlatformaticAdmin(admin, `resetting the offsets of group ${options.groupId}`, async (client) => {
    admin.countRequest("writes");
    await client.alterConsumerGroupOffsets({
      groupId: options.groupId,
      topics: [...byTopic].map(([name, partitionOffsets]) => ({ name, partitionOffsets })),
    });
  });
  return positions;
}
