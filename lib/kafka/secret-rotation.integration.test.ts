// A rotated (or revoked) client secret ends connections already open with it, not only new logins: the broker makes
// every SASL connection authenticate again within connections.max.reauth.ms (scripts/lib/kafka.sh), and the old
// secret no longer passes.
import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { seedClientPrincipal, type TestClientPrincipal } from "@/test/kafka-client-principal";
import { env } from "../env";
import { consoleKafkaConfig } from "./console-connection";
import { kafkaErrorKind } from "./errors";
import { KafkaProducer } from "./producer";
import { deleteScramCredential, upsertScramCredential } from "./scram-credentials";
import { scramMaterial } from "./scram-material";

let p: TestClientPrincipal | undefined;
afterEach(async () => {
  await p?.cleanup();
  p = undefined;
});

const bound = env.RHEI_KAFKA_MAX_REAUTH_MS ?? 60_000;

/** Produces once a second on the open connection until a send fails; returns when and how it failed. */
async function produceUntilRefused(producer: KafkaProducer, topic: string, withinMs: number) {
  const started = Date.now();
  let sent = 0;
  while (Date.now() - started < withinMs) {
    try {
      await producer.send([{ topic, key: "k", value: JSON.stringify({ n: sent }) }]);
      sent++;
    } catch (error) {
      return { afterMs: Date.now() - started, sent, kind: kafkaErrorKind(error) };
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return { afterMs: Date.now() - started, sent, kind: "still producing" };
}

describe("rotating a client's secret", () => {
  it(`stops a connection opened with the old secret within connections.max.reauth.ms (${bound} ms here)`, async () => {
    p = await seedClientPrincipal({ partitions: 1 });
    const producer = await KafkaProducer.connect({ ...p.kafka, retries: 1 });
    try {
      await producer.send([{ topic: p.topics.int, key: "k", value: "{}" }]);
      // What the reconciler does after a rotation: the principal's credential becomes the new secret's.
      await upsertScramCredential(
        consoleKafkaConfig(),
        p.principal,
        await scramMaterial(randomBytes(18).toString("base64url")),
      );
      const outcome = await produceUntilRefused(producer, p.topics.int, bound + 15_000);
      expect(outcome.kind).not.toBe("still producing");
      expect(outcome.afterMs).toBeLessThanOrEqual(bound + 10_000);
      expect(outcome.sent).toBeGreaterThan(0); // it did work on the open connection at first
    } finally {
      await producer.disconnect().catch(() => undefined);
    }
  }, 90_000);

  it("stops an open connection of a deleted (revoked) credential within the bound too", async () => {
    p = await seedClientPrincipal({ partitions: 1 });
    const producer = await KafkaProducer.connect({ ...p.kafka, retries: 1 });
    try {
      await producer.send([{ topic: p.topics.int, key: "k", value: "{}" }]);
      await deleteScramCredential(consoleKafkaConfig(), p.principal);
      const outcome = await produceUntilRefused(producer, p.topics.int, bound + 15_000);
      expect(outcome.kind).not.toBe("still producing");
      expect(outcome.afterMs).toBeLessThanOrEqual(bound + 10_000);
    } finally {
      await producer.disconnect().catch(() => undefined);
    }
  }, 90_000);
});
