import "server-only";
import type { AclBinding } from "../kafka/acl-binding";
import { describeAcls } from "../kafka/acls";
import type { KafkaAdmin } from "../kafka/admin";
import { listScramUsers } from "../kafka/scram-credentials";
import { describeTopicConfigs, type TopicConfigEntry } from "../kafka/topic-configs";
import { kafkaPrincipal } from "../topology/principals";
import { managedTopicConfigs } from "./layout";
import type { ObservedCluster, ObservedTopic } from "./types";

export interface Observation {
  observed: ObservedCluster;
  /** Every config of the observed topics, so that changing one keeps the rest without another read. */
  topicConfigs: Map<string, TopicConfigEntry[]>;
}

/**
 * Reads what the cluster holds of the given topics and users, in a fixed number of requests however many
 * there are: topic list, topic metadata, topic configs, all ACLs, SCRAM users.
 */
export async function observeCluster(
  admin: KafkaAdmin,
  { topics, usernames }: { topics: string[]; usernames: string[] },
): Promise<Observation> {
  const existing = new Set(await admin.listTopics());
  const present = [...new Set(topics)].filter((t) => existing.has(t));
  const described = await admin.describeTopics(present);
  const topicConfigs = await describeTopicConfigs(admin, present);
  const observedTopics = new Map<string, ObservedTopic>();
  for (const t of described) {
    const entries = topicConfigs.get(t.name) ?? [];
    const configs: Record<string, string> = {};
    for (const name of managedTopicConfigs) {
      const value = entries.find((e) => e.name === name)?.value;
      if (value !== undefined && value !== null) configs[name] = value;
    }
    observedTopics.set(t.name, {
      partitions: t.partitions.length,
      replicationFactor: t.partitions[0]?.replicas.length ?? 0,
      configs,
    });
  }

  const principals = new Set(usernames.map(kafkaPrincipal));
  const aclsByPrincipal = new Map<string, AclBinding[]>();
  if (principals.size > 0) {
    // One request for every ACL of the cluster beats one per principal, and the filter below keeps only Rhei's.
    for (const binding of await describeAcls(admin)) {
      if (!principals.has(binding.principal)) continue;
      const list = aclsByPrincipal.get(binding.principal) ?? [];
      list.push(binding);
      aclsByPrincipal.set(binding.principal, list);
    }
  }

  let scramUsers = new Set<string>();
  if (usernames.length > 0) {
    // An empty list would ask for every user; the guard above keeps this to Rhei's.
    scramUsers = new Set(await listScramUsers(admin.config, [...new Set(usernames)]));
    admin.countRequest("reads");
  }
  return { observed: { topics: observedTopics, aclsByPrincipal, scramUsers }, topicConfigs };
}
