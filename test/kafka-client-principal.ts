// A system's topics and one client's restricted principal on the test broker, with exactly the ACLs a client gets
// (issue 5): WRITE on <system>.int and <system>.log, READ on <system>.int and <system>.ext, READ on the group
// <system>.<client>; all LITERAL. Nothing else, so a test fails if the SDK needs more.
import { randomBytes } from "node:crypto";
import kafkajs from "kafkajs";
import { env } from "@/lib/env";

// kafkajs is CommonJS and Node's ESM loader does not see these enums as named exports (vitest would): read them
// off the default export so the bench scripts can use this helper too.
const { AclOperationTypes, AclPermissionTypes, AclResourceTypes, ResourcePatternTypes } = kafkajs;

import { KafkaAdmin } from "@/lib/kafka/admin";
import type { KafkaConnectionConfig } from "@/lib/kafka/connection-config";
import { consoleKafkaConfig } from "@/lib/kafka/console-connection";
import { deleteScramCredential, upsertScramCredential } from "@/lib/kafka/scram-credentials";
import { scramMaterial } from "@/lib/kafka/scram-material";

export interface TestClientPrincipal {
  system: string;
  client: string;
  principal: string;
  secret: string;
  topics: { int: string; ext: string; log: string };
  bootstrapServers: string;
  /** The principal's own connection, as a client application would have it. */
  kafka: KafkaConnectionConfig;
  admin: KafkaAdmin;
  cleanup(): Promise<void>;
}

/**
 * Random names by default; give `system`, `client` and `secret` to give Kafka the principal of a client registered
 * in the database (until the provisioning reconciler does it).
 */
export async function seedClientPrincipal(
  options: { partitions?: number; system?: string; client?: string; secret?: string; retentionMs?: number } = {},
): Promise<TestClientPrincipal> {
  const id = randomBytes(4).toString("hex");
  const system = options.system ?? `it.sdk${id}.wc.st`;
  const client = options.client ?? `app_${id}`;
  const principal = `${system}.${client}`;
  const secret = options.secret ?? randomBytes(18).toString("base64url");
  const topics = { int: `${system}.int`, ext: `${system}.ext`, log: `${system}.log` };
  const admin = await KafkaAdmin.connect(consoleKafkaConfig());
  await admin.createTopics(
    Object.values(topics).map((name) => ({
      name,
      partitions: options.partitions ?? 2,
      replicationFactor: 1,
      configs: { "cleanup.policy": "delete", "retention.ms": String(options.retentionMs ?? 3_600_000) },
    })),
  );
  await upsertScramCredential(consoleKafkaConfig(), principal, await scramMaterial(secret));
  const allow = (resourceType: number, resourceName: string, operation: number) => ({
    resourceType,
    resourceName,
    resourcePatternType: ResourcePatternTypes.LITERAL,
    principal: `User:${principal}`,
    host: "*",
    operation,
    permissionType: AclPermissionTypes.ALLOW,
  });
  const acl = [
    allow(AclResourceTypes.TOPIC, topics.int, AclOperationTypes.WRITE),
    allow(AclResourceTypes.TOPIC, topics.log, AclOperationTypes.WRITE),
    allow(AclResourceTypes.TOPIC, topics.int, AclOperationTypes.READ),
    allow(AclResourceTypes.TOPIC, topics.ext, AclOperationTypes.READ),
    allow(AclResourceTypes.GROUP, principal, AclOperationTypes.READ),
  ];
  await admin.kafkajs.createAcls({ acl });
  // ACLs reach the authorizer through the metadata log: wait until the principal can see its topics.
  const bootstrapServers = env.KAFKA_BROKERS.join(",");
  const kafka: KafkaConnectionConfig = {
    brokers: env.KAFKA_BROKERS,
    clientId: principal,
    sasl: { mechanism: "scram-sha-512", username: principal, password: secret },
    retries: 2,
  };
  await waitForAcls(kafka, topics.int);
  return {
    system,
    client,
    principal,
    secret,
    topics,
    bootstrapServers,
    kafka,
    admin,
    cleanup: async () => {
      await admin.kafkajs
        .deleteAcls({
          filters: acl.map(({ permissionType, ...rest }) => ({ ...rest, permissionType })),
        })
        .catch(() => undefined);
      await admin.deleteTopics(Object.values(topics)).catch(() => undefined);
      await deleteScramCredential(consoleKafkaConfig(), principal).catch(() => undefined);
      await admin.disconnect();
    },
  };
}

async function waitForAcls(kafka: KafkaConnectionConfig, topic: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    let client: KafkaAdmin | undefined;
    try {
      client = await KafkaAdmin.connect({ ...kafka, retries: 0 });
      const [described] = await client.describeTopics([topic]);
      if (described && described.partitions.length > 0) return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    } finally {
      await client?.disconnect().catch(() => undefined);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
