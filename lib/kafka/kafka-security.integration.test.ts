import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { KafkaAdmin } from "./admin";
import type { KafkaConnectionConfig } from "./connection-config";
import { consoleKafkaConfig } from "./console-connection";
import { kafkaErrorKind } from "./errors";
import { createKafkajs } from "./kafkajs-client";
import { deleteScramCredential, listScramUsers, upsertScramCredential } from "./scram-credentials";
import { scramMaterial } from "./scram-material";

// The broker of the test profile is real: KRaft, SASL/SCRAM-SHA-512, StandardAuthorizer, no access without an ACL.
const suffix = randomBytes(4).toString("hex");
const topic = `it.security.${suffix}`;
const stranger = `it-stranger-${suffix}`;
const strangerPassword = randomBytes(16).toString("hex");
let admin: KafkaAdmin;

function quick(config: KafkaConnectionConfig): KafkaConnectionConfig {
  return { ...config, retries: 0, connectionTimeoutMs: 3000, requestTimeoutMs: 5000 };
}

async function failureOf(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to be refused, but it succeeded");
}

beforeAll(async () => {
  admin = await KafkaAdmin.connect(consoleKafkaConfig());
});

afterAll(async () => {
  await admin.deleteTopics([topic]).catch(() => undefined);
  await deleteScramCredential(consoleKafkaConfig(), stranger).catch(() => undefined);
  await admin.disconnect();
});

describe("the local broker is secured", () => {
  it("lets the console's admin principal create and describe a topic", async () => {
    const created = await admin.createTopics([
      { name: topic, partitions: 2, replicationFactor: 1, configs: { "retention.ms": "3600000" } },
    ]);
    expect(created).toEqual([topic]);
    expect(await admin.listTopics()).toContain(topic);
    const [described] = await admin.describeTopics([topic]);
    expect(described?.partitions.map((p) => p.partition)).toEqual([0, 1]);
  });

  it("refuses a client without credentials", async () => {
    const config = quick({ ...consoleKafkaConfig(), sasl: undefined, clientId: "no-credentials" });
    const error = await failureOf(async () => {
      const a = createKafkajs(config).admin();
      try {
        await a.connect();
        await a.listTopics();
      } finally {
        await a.disconnect();
      }
    });
    expect(kafkaErrorKind(error)).not.toBe("other");
  });

  it("refuses a wrong password with an authentication error", async () => {
    const config = quick({
      ...consoleKafkaConfig(),
      sasl: { mechanism: "scram-sha-512", username: "rhei-admin-wrong", password: "nope" },
    });
    const error = await failureOf(() => KafkaAdmin.connect(config));
    expect(kafkaErrorKind(error)).toBe("authentication");
  });

  it("creates a SCRAM user through the admin API, which then authenticates but is refused without ACLs", async () => {
    await upsertScramCredential(consoleKafkaConfig(), stranger, await scramMaterial(strangerPassword));
    // Acknowledged by the controller before the broker's metadata image (which answers the describe) shows it.
    await vi.waitFor(async () => expect(await listScramUsers(consoleKafkaConfig(), [stranger])).toEqual([stranger]), {
      timeout: 10_000,
      interval: 200,
    });

    const config = quick({
      ...consoleKafkaConfig(),
      clientId: stranger,
      sasl: { mechanism: "scram-sha-512", username: stranger, password: strangerPassword },
    });
    const producer = createKafkajs(config).producer();
    await producer.connect(); // authentication succeeds: the credential is real
    const error = await failureOf(() => producer.send({ topic, messages: [{ value: "x" }] }));
    await producer.disconnect();
    expect(kafkaErrorKind(error)).toBe("authorization");

    const consumer = createKafkajs(config).consumer({ groupId: `${stranger}.group` });
    const consumeError = await failureOf(async () => {
      await consumer.connect();
      await consumer.subscribe({ topics: [topic] });
      await consumer.run({ eachMessage: async () => undefined });
      await new Promise((resolve, reject) => {
        consumer.on(consumer.events.CRASH, (e) => reject(e.payload.error));
        setTimeout(resolve, 8000);
      });
    });
    await consumer.disconnect();
    expect(kafkaErrorKind(consumeError)).toBe("authorization");
  });

  it("removes a SCRAM user, after which it cannot authenticate", async () => {
    await deleteScramCredential(consoleKafkaConfig(), stranger);
    // Acknowledged by the controller before the broker's metadata image (which answers the describe) shows it.
    await vi.waitFor(async () => expect(await listScramUsers(consoleKafkaConfig(), [stranger])).toEqual([]), {
      timeout: 10_000,
      interval: 200,
    });
    const config = quick({
      ...consoleKafkaConfig(),
      sasl: { mechanism: "scram-sha-512", username: stranger, password: strangerPassword },
    });
    const error = await failureOf(() => KafkaAdmin.connect(config));
    expect(kafkaErrorKind(error)).toBe("authentication");
  });
});
