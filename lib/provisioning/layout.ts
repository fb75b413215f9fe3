// The shape of the cluster Rhei provisions: per system three topics, per client one SCRAM user with
// least-privilege ACLs. Pure, so the planner's unit tests and the README describe the same thing.
import type { AclBinding, AclOperation, AclResourceType } from "../kafka/acl-binding";
import { clientGroup, kafkaPrincipal, streamAppTransactionalPrefix } from "../topology/principals";
import { systemTopics } from "../topology/system-topics";

const DAY_MS = 86_400_000;

/** Topic-level configs Rhei sets (and watches for drift); anything else set on a topic is left alone. */
export const managedTopicConfigs = ["cleanup.policy", "retention.ms"] as const;

export interface TopicSettings {
  partitions: number;
  replicationFactor: number;
  configs: Record<string, string>;
}

export function topicSettings(
  system: { partitions: number; retentionDays: number },
  replicationFactor: number,
): TopicSettings {
  return {
    partitions: system.partitions,
    replicationFactor,
    // Time series are never compacted: compaction would keep only the last record per datastream.
    configs: { "cleanup.policy": "delete", "retention.ms": String(system.retentionDays * DAY_MS) },
  };
}

/**
 * What a client application may do, and nothing else: write its system's `.int` and `.log`, read its system's
 * `.int` and `.ext`, and use its own consumer group `<system>.<client>` (its username). All LITERAL, so no
 * prefix can reach another system. Kafka implies DESCRIBE from READ and WRITE (metadata, offsets, committed
 * positions), and since Kafka 3.0 IDEMPOTENT_WRITE from WRITE on any topic, so kafkajs producers and
 * consumers need no further binding.
 */
export function clientAcls(systemName: string, username: string): AclBinding[] {
  const principal = kafkaPrincipal(username);
  const allow = (resourceType: AclResourceType, resourceName: string, operation: AclOperation): AclBinding => ({
    principal,
    host: "*",
    resourceType,
    resourceName,
    patternType: "literal",
    operation,
    permission: "allow",
  });
  const { int, ext, log } = systemTopics(systemName);
  return [
    allow("topic", int, "write"),
    allow("topic", log, "write"),
    allow("topic", int, "read"),
    allow("topic", ext, "read"),
    allow("group", clientGroup(username), "read"),
  ];
}

/**
 * What a deployed stream app may do, and nothing else: read its source systems' `.int` (own, or granted), write its
 * target's `.ext`, use its own consumer group, and its own transactional ids (one per input partition, under its
 * prefix; the only PREFIXED binding, and the prefix is its own principal's). Kafka implies DESCRIBE (metadata,
 * offsets, FindCoordinator) from READ and WRITE.
 */
export function streamAppAcls(app: {
  principal: string;
  group: string;
  sourceSystems: readonly string[];
  targetSystem: string;
}): AclBinding[] {
  const principal = kafkaPrincipal(app.principal);
  const allow = (
    resourceType: AclResourceType,
    resourceName: string,
    operation: AclOperation,
    patternType: "literal" | "prefixed" = "literal",
  ): AclBinding => ({ principal, host: "*", resourceType, resourceName, patternType, operation, permission: "allow" });
  return [
    ...[...new Set(app.sourceSystems)].map((s) => allow("topic", systemTopics(s).int, "read")),
    allow("topic", systemTopics(app.targetSystem).ext, "write"),
    allow("group", app.group, "read"),
    allow("transactional-id", streamAppTransactionalPrefix(app.principal), "write", "prefixed"),
  ];
}
