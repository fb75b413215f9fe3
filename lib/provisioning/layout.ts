// The shape of the cluster Rhei provisions: per system three topics, per client one SCRAM user with
// least-privilege ACLs. Pure, so the planner's unit tests and the README describe the same thing.
import type { AclBinding, AclOperation, AclResourceType } from "../kafka/acl-binding";
import {
  clientGroup,
  JOIN_STATE_MAX_BYTES,
  kafkaPrincipal,
  ROLLUP_PRINCIPAL,
  streamAppStateTopic,
  streamAppTransactionalPrefix,
} from "../topology/principals";
import { type SystemTopicKind, systemTopics } from "../topology/system-topics";

const DAY_MS = 86_400_000;

/** Topic-level configs Rhei sets (and watches for drift); anything else set on a topic is left alone. */
export const managedTopicConfigs = ["cleanup.policy", "retention.ms", "message.timestamp.before.max.ms"] as const;

export interface TopicSettings {
  partitions: number;
  replicationFactor: number;
  configs: Record<string, string>;
}

/**
 * The settings of one of a system's topics. Time series are never compacted: compaction would keep only the last
 * record per datastream. A message's timestamp is its phenomenon time (docs/history.md), and retention deletes by
 * timestamp, so on the topics clients write (`.int`, `.log`) the broker refuses a timestamp older than the retention
 * (INVALID_TIMESTAMP, KIP-937): accepted and then deleted within minutes would be a silent loss. `.ext` is written by
 * stream apps with their sources' timestamps, which their sources already checked; a copy the target's shorter
 * retention expires is that retention doing its job, and refusing it would stall the app.
 */
export function topicSettings(
  system: { partitions: number; retentionDays: number },
  replicationFactor: number,
  kind: SystemTopicKind,
): TopicSettings {
  const retentionMs = String(system.retentionDays * DAY_MS);
  return {
    partitions: system.partitions,
    replicationFactor,
    configs: {
      "cleanup.policy": "delete",
      "retention.ms": retentionMs,
      ...(kind === "ext" ? {} : { "message.timestamp.before.max.ms": retentionMs }),
    },
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
  /** A join also reads and writes its own state topic (its buffers, watermarks and positions). */
  join?: boolean;
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
    ...(app.join
      ? [
          allow("topic", streamAppStateTopic(app.principal), "read"),
          allow("topic", streamAppStateTopic(app.principal), "write"),
        ]
      : []),
  ];
}

/**
 * A join app's state topic: one partition (one task writes it), compacted (only each key's newest checkpoint
 * matters), rolled often so compaction keeps it small, and room for a checkpoint of up to 16 MiB.
 */
export function joinStateTopicSettings(replicationFactor: number): TopicSettings {
  return {
    partitions: 1,
    replicationFactor,
    configs: {
      "cleanup.policy": "compact",
      "retention.ms": "-1",
      "segment.ms": "600000",
      "min.cleanable.dirty.ratio": "0.1",
      "max.message.bytes": String(JOIN_STATE_MAX_BYTES),
    },
  };
}

/**
 * An ACL resource's key: a username, or `<username>#<scope>` for a principal whose ACLs are kept per company (the
 * rollup job's): such a resource owns only the principal's bindings on topics under `<scope>.`, so each company's
 * row adds and removes its own and never another's.
 */
export function aclSubject(key: string): { username: string; scope?: string } {
  const at = key.indexOf("#");
  return at < 0 ? { username: key } : { username: key.slice(0, at), scope: key.slice(at + 1) };
}

/** Whether a binding belongs to the resource of `key` (all of its principal's, or those in its scope). */
export function inAclScope(key: string, binding: AclBinding): boolean {
  const { scope } = aclSubject(key);
  return scope === undefined || (binding.resourceType === "topic" && binding.resourceName.startsWith(`${scope}.`));
}

/** The key of a company's rollup ACLs (company name: `domain.enterprise`). */
export function rollupAclKey(companyName: string): string {
  return `${ROLLUP_PRINCIPAL}#${companyName}`;
}

/**
 * What the rollup job may read of a company: its systems' `.int` and `.ext`, READ only, LITERAL (its group and SCRAM
 * credential are the cluster's, see service-principals.ts). It writes nothing to Kafka.
 */
export function rollupAcls(systemNames: readonly string[]): AclBinding[] {
  const principal = kafkaPrincipal(ROLLUP_PRINCIPAL);
  return systemNames.flatMap((name) => {
    const { int, ext } = systemTopics(name);
    return [int, ext].map(
      (resourceName): AclBinding => ({
        principal,
        host: "*",
        resourceType: "topic",
        resourceName,
        patternType: "literal",
        operation: "read",
        permission: "allow",
      }),
    );
  });
}
