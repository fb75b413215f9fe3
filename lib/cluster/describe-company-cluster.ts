import "server-only";
import type { Actor } from "../authz/actor";
import { authorize } from "../authz/authorize";
import type { AclBinding } from "../kafka/acl-binding";
import { describeAcls } from "../kafka/acls";
import type { KafkaAdmin, TopicPartitionOffsets } from "../kafka/admin";
import {
  type ConsumerGroupDescription,
  consumerGroupLag,
  describeConsumerGroups,
  isStopped,
  listConsumerGroups,
  type PartitionLag,
} from "../kafka/consumer-groups";
import { describeTopicConfigs } from "../kafka/topic-configs";
import { topicSizes } from "../kafka/topic-sizes";
import { companyKafkaScope } from "./company-kafka-scope";
import { withConsoleAdmin } from "./kafka-unavailable";

export interface ClusterTopic {
  name: string;
  systemName: string;
  systemId: string;
  exists: boolean;
  partitions: {
    partition: number;
    start: string;
    end: string;
    bytes: number | null;
    leader: number;
    replicas: number[];
  }[];
  bytes: number | null;
  /** Records held: the sum of end − start. */
  records: string;
  retentionMs: string | null;
  cleanupPolicy: string | null;
}

export interface ClusterGroup extends ConsumerGroupDescription {
  stopped: boolean;
  partitions: PartitionLag[];
  totalLag: string;
}

export interface CompanyCluster {
  clusterId: string;
  controller: number | null;
  brokers: { nodeId: number; host: string; port: number }[];
  topics: ClusterTopic[];
  groups: ClusterGroup[];
  acls: { principal: string; bindings: AclBinding[] }[];
  /** Set when topic sizes could not be read (an older broker, or no right to DescribeLogDirs). */
  sizesUnavailable?: string;
}

async function inChunks<T, R>(items: T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(work))));
  return out;
}

/** The cluster as far as the company owns it: brokers, its topics, its consumer groups, and the ACLs on them. */
export async function describeCompanyCluster({
  actor,
  companyId,
}: {
  actor: Actor;
  companyId: string;
}): Promise<CompanyCluster> {
  await authorize(actor, "cluster.read", { companyId, what: "Company" });
  const scope = await companyKafkaScope(companyId);
  return withConsoleAdmin(async (admin) => {
    const cluster = await admin.describeCluster();
    const existing = new Set(await admin.listTopics());
    const present = scope.topics.filter((t) => existing.has(t.name)).map((t) => t.name);
    const metadata = new Map((await admin.describeTopics(present)).map((t) => [t.name, t]));
    const offsets = new Map<string, TopicPartitionOffsets[]>(
      await inChunks(present, 16, async (t) => [t, await admin.topicOffsets(t)] as const),
    );
    const configs = await describeTopicConfigs(admin, present);
    let sizes: Awaited<ReturnType<typeof topicSizes>> | undefined;
    let sizesUnavailable: string | undefined;
    try {
      sizes = await topicSizes(
        admin,
        present.map((name) => ({ name, partitions: metadata.get(name)?.partitions.map((p) => p.partition) ?? [] })),
      );
    } catch (error) {
      sizesUnavailable = error instanceof Error ? error.message : String(error);
    }

    const topics: ClusterTopic[] = scope.topics.map(({ name, systemName, systemId }) => {
      const parts = metadata.get(name)?.partitions ?? [];
      const bounds = new Map((offsets.get(name) ?? []).map((o) => [o.partition, o]));
      const partitionSizes = new Map((sizes?.get(name)?.partitions ?? []).map((p) => [p.partition, p.bytes]));
      const entries = configs.get(name) ?? [];
      const partitions = parts.map((p) => ({
        partition: p.partition,
        start: bounds.get(p.partition)?.start ?? "0",
        end: bounds.get(p.partition)?.end ?? "0",
        bytes: sizes ? (partitionSizes.get(p.partition) ?? 0) : null,
        leader: p.leader,
        replicas: p.replicas,
      }));
      return {
        name,
        systemName,
        systemId,
        exists: existing.has(name),
        partitions,
        bytes: sizes ? (sizes.get(name)?.bytes ?? 0) : null,
        records: partitions.reduce((sum, p) => sum + (BigInt(p.end) - BigInt(p.start)), 0n).toString(),
        retentionMs: entries.find((e) => e.name === "retention.ms")?.value ?? null,
        cleanupPolicy: entries.find((e) => e.name === "cleanup.policy")?.value ?? null,
      };
    });

    const groupIds = (await listConsumerGroups(admin)).map((g) => g.groupId).filter(scope.ownsGroup);
    const described = await describeConsumerGroups(admin, groupIds);
    const groups = await inChunks(described, 8, async (g): Promise<ClusterGroup> => {
      const lag = await consumerGroupLag(admin, g.groupId, present, offsets);
      const assigned = new Set(
        g.members.flatMap((m) => m.assignment.flatMap((a) => a.partitions.map((p) => `${a.topic}:${p}`))),
      );
      const partitions = lag.filter((l) => l.committed !== null || assigned.has(`${l.topic}:${l.partition}`));
      return {
        ...g,
        stopped: isStopped(g.state),
        partitions,
        totalLag: partitions.reduce((sum, p) => sum + BigInt(p.lag ?? "0"), 0n).toString(),
      };
    });

    const acls = await describeCompanyAcls(admin, scope);
    return {
      clusterId: cluster.clusterId,
      controller: cluster.controller,
      brokers: cluster.brokers
        .map((b) => ({ nodeId: b.nodeId, host: b.host, port: b.port }))
        .sort((a, b) => a.nodeId - b.nodeId),
      topics,
      groups,
      acls,
      sizesUnavailable,
    };
  });
}

/** ACLs of the company's principals, and any other principal's ACLs on the company's topics and groups. */
async function describeCompanyAcls(admin: KafkaAdmin, scope: Awaited<ReturnType<typeof companyKafkaScope>>) {
  const byPrincipal = new Map<string, AclBinding[]>();
  for (const b of await describeAcls(admin)) {
    const concerns =
      scope.principals.has(b.principal) ||
      (b.resourceType === "topic" && b.patternType === "literal" && scope.ownsTopic(b.resourceName)) ||
      (b.resourceType === "group" && b.patternType === "literal" && scope.ownsGroup(b.resourceName));
    if (!concerns) continue;
    const list = byPrincipal.get(b.principal) ?? [];
    list.push(b);
    byPrincipal.set(b.principal, list);
  }
  return [...byPrincipal]
    .map(([principal, bindings]) => ({
      principal,
      bindings: bindings.sort(
        (a, b) => a.resourceName.localeCompare(b.resourceName) || a.operation.localeCompare(b.operation),
      ),
    }))
    .sort((a, b) => a.principal.localeCompare(b.principal));
}
