import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { asClient, consume, produce, refusal } from "@/test/kafka-as-client";
import { seedClient, seedMember, seedSystem } from "@/test/seed";
import { deleteClient } from "../clients/delete-client";
import { registerClient } from "../clients/register-client";
import { revokeClient } from "../clients/revoke-client";
import { rotateClientSecret } from "../clients/rotate-client-secret";
import { db } from "../db/client";
import { EVENTS_RESUMED } from "../events/change-event";
import { eventsListening, subscribeEvents } from "../events/subscribe-events";
import { describeAcls } from "../kafka/acls";
import { KafkaAdmin } from "../kafka/admin";
import { consoleKafkaConfig } from "../kafka/console-connection";
import { hasKafkaErrorType } from "../kafka/errors";
import { createKafkajs } from "../kafka/kafkajs-client";
import { deleteScramCredential, listScramUsers } from "../kafka/scram-credentials";
import { alterTopicConfigs, describeTopicConfigs } from "../kafka/topic-configs";
import { deleteSystem } from "../systems/delete-system";
import { updateSystem } from "../systems/update-system";
import { getProvisioningStatus } from "./get-provisioning-status";
import { listProvisioningStates } from "./list-provisioning-states";
import { withReconcileLock } from "./reconcile-lock";
import { reconcileNow } from "./reconcile-now";
import { reconcileOnce } from "./reconcile-once";

let admin: KafkaAdmin;
beforeAll(async () => {
  admin = await KafkaAdmin.connect(consoleKafkaConfig());
});
afterAll(async () => {
  await admin.disconnect();
});

const statuses = async (companyId: string) =>
  Object.fromEntries(
    (await db.provisioningState.findMany({ where: { companyId }, orderBy: { resourceKey: "asc" } })).map((r) => [
      `${r.resourceType} ${r.resourceKey}`,
      r.status,
    ]),
  );

// Changes made by hand reach the broker's metadata image (which answers the describes) a little after the controller
// acknowledges them; a pass started before that would not see them.
const settle = { timeout: 10_000, interval: 200 };
const credentialGone = (principal: string) =>
  vi.waitFor(async () => expect(await listScramUsers(consoleKafkaConfig(), [principal])).toEqual([]), settle);
const topicGone = (topic: string) =>
  vi.waitFor(async () => expect(await admin.listTopics()).not.toContain(topic), settle);

describe("provisioning against the real broker", () => {
  it("gives a registered client exactly its own system's topics and group, and a second pass writes nothing", async () => {
    const mine = await seedClient();
    const other = await seedSystem(); // another company's system, provisioned too
    const scope = { companyIds: [mine.company.id, other.company.id] };
    const first = await reconcileOnce(scope);
    expect(first).toMatchObject({ ran: true, kafka: "up", failed: 0, errors: 0 });
    expect(first.requests.writes).toBeGreaterThan(0);
    // Five of the client's and its system's, and the rollup job's READ on the company's topics.
    expect(Object.values(await statuses(mine.company.id))).toEqual(Array(6).fill("ready"));

    const again = await reconcileOnce(scope);
    expect(again).toMatchObject({ actions: 0, failed: 0, requests: { writes: 0 } });
    expect(again.requests.reads).toBeGreaterThan(0);

    const s = mine.system.name;
    const me = asClient(mine.client.principal, mine.secret);
    await produce(me, `${s}.int`, ["a", "b"]);
    await produce(me, `${s}.log`, ["a log line"]);
    expect(await consume(me, mine.client.principal, [`${s}.int`, `${s}.ext`], 2)).toEqual(["a", "b"]);

    const theirs = other.system.name;
    expect(await refusal(() => produce(me, `${theirs}.int`, ["x"]))).toBe("authorization");
    expect(await refusal(() => produce(me, `${s}.ext`, ["x"]))).toBe("authorization");
    expect(await refusal(() => consume(me, mine.client.principal, [`${s}.log`], 1))).toBe("authorization");
    expect(await refusal(() => consume(me, mine.client.principal, [`${theirs}.int`], 1))).toBe("authorization");
    expect(await refusal(() => consume(me, `${mine.client.principal}-other`, [`${s}.int`], 1))).toBe("authorization");
    expect(await refusal(() => consume(me, `${theirs}.x`, [`${s}.int`], 1))).toBe("authorization");
    expect(await refusal(() => produce(asClient(mine.client.principal, `${mine.secret}x`), `${s}.int`, ["x"]))).toBe(
      "authentication",
    );

    // A message's timestamp is its phenomenon time: one older than the 14-day retention would be deleted at once,
    // so the broker refuses it where clients write, and accepts one just inside.
    const day = 86_400_000;
    const stamped = async (ageMs: number) => {
      const producer = createKafkajs(me).producer();
      await producer.connect();
      try {
        await producer.send({
          topic: `${s}.int`,
          messages: [{ key: "k", value: "stamped", timestamp: String(Date.now() - ageMs) }],
        });
      } finally {
        await producer.disconnect();
      }
    };
    const old = await stamped(15 * day).catch((error: unknown) => error);
    expect(hasKafkaErrorType(old, "INVALID_TIMESTAMP")).toBe(true);
    await stamped(13 * day);
    const configs = await describeTopicConfigs(admin, [`${s}.int`, `${s}.ext`]);
    const guard = (topic: string) => configs.get(topic)?.find((c) => c.name === "message.timestamp.before.max.ms");
    expect(guard(`${s}.int`)).toMatchObject({ value: String(14 * day), source: "topic" });
    expect(guard(`${s}.ext`)?.source).not.toBe("topic");

    const audit = await db.auditEvent.findMany({ where: { companyId: mine.company.id, actorType: "system" } });
    expect(audit.every((e) => e.actorLabel === "rhei:provisioning")).toBe(true);
    expect(audit.map((e) => e.action).sort()).toEqual([
      "provisioning.acls.create",
      "provisioning.acls.create",
      "provisioning.credential.set",
      "provisioning.topic.create",
      "provisioning.topic.create",
      "provisioning.topic.create",
    ]);
    const row = await db.client.findUniqueOrThrow({
      where: { id: mine.client.id },
      omit: { pendingCredential: false },
    });
    expect(row).toMatchObject({ pendingCredential: null, provisionedSecretVersion: 1 });
  });

  it("refuses a revoked client at its next connection, and lets a rotated secret replace the old one", async () => {
    const seeded = await seedClient();
    const scope = { companyIds: [seeded.company.id] };
    await reconcileOnce(scope);
    const topic = `${seeded.system.name}.int`;
    const oldSecret = asClient(seeded.client.principal, seeded.secret);
    await produce(oldSecret, topic, ["before"]);

    const rotated = await rotateClientSecret({ actor: seeded.admin.actor, clientId: seeded.client.id });
    expect((await statuses(seeded.company.id))[`credential ${seeded.client.principal}`]).toBe("ready"); // not yet synced
    const pass = await reconcileOnce(scope);
    expect(pass).toMatchObject({ failed: 0, requests: { writes: 1 } }); // one SCRAM request, nothing else
    expect(await refusal(() => produce(oldSecret, topic, ["x"]))).toBe("authentication");
    await produce(asClient(seeded.client.principal, rotated.secret), topic, ["after"]);

    await revokeClient({ actor: seeded.admin.actor, clientId: seeded.client.id });
    await reconcileOnce(scope);
    expect(await refusal(() => produce(asClient(seeded.client.principal, rotated.secret), topic, ["x"]))).toBe(
      "authentication",
    );
    expect(await listScramUsers(consoleKafkaConfig(), [seeded.client.principal])).toEqual([]);
    expect(await describeAcls(admin, { principal: `User:${seeded.client.principal}` })).toEqual([]);
    expect(await statuses(seeded.company.id)).toMatchObject({
      [`credential ${seeded.client.principal}`]: "ready",
      [`acls ${seeded.client.principal}`]: "ready",
    });
    expect((await reconcileOnce(scope)).requests.writes).toBe(0);

    // Rotating a revoked client re-issues access.
    const back = await rotateClientSecret({ actor: seeded.admin.actor, clientId: seeded.client.id });
    await reconcileOnce(scope);
    await produce(asClient(seeded.client.principal, back.secret), topic, ["back"]);
  });

  it("shows a topic deleted by hand as drift, re-creates it, then reports it ready", async () => {
    const seeded = await seedSystem();
    const scope = { companyIds: [seeded.company.id] };
    await reconcileOnce(scope);
    const topic = `${seeded.system.name}.ext`;
    await admin.deleteTopics([topic]);
    await topicGone(topic);

    const repair = await reconcileOnce(scope);
    expect(repair).toMatchObject({ drift: 1, failed: 0, followUp: true, requests: { writes: 1 } });
    const row = await db.provisioningState.findUniqueOrThrow({
      where: { resourceType_resourceKey: { resourceType: "topic", resourceKey: topic } },
    });
    expect(row.status).toBe("drift");
    expect(row.lastError).toMatch(/deleted outside Rhei/);
    expect(await admin.listTopics()).toContain(topic);
    expect((await admin.listTopics()).filter((t) => t === topic)).toHaveLength(1);

    await reconcileOnce(scope);
    expect((await statuses(seeded.company.id))[`topic ${topic}`]).toBe("ready");
    const events = await db.auditEvent.findMany({ where: { companyId: seeded.company.id, targetLabel: topic } });
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(["provisioning.drift", "provisioning.topic.create"]),
    );
  });

  it("restores a retention changed by hand, keeping other configs set by hand, and applies a changed wish", async () => {
    const seeded = await seedSystem();
    const scope = { companyIds: [seeded.company.id] };
    await reconcileOnce(scope);
    const topic = `${seeded.system.name}.int`;
    await alterTopicConfigs(admin, [{ topic, set: { "retention.ms": "1000", "segment.ms": "3600000" } }]);
    expect(await reconcileOnce(scope)).toMatchObject({ drift: 1, failed: 0 });
    const configs = (await describeTopicConfigs(admin, [topic])).get(topic) ?? [];
    const value = (name: string) => configs.find((c) => c.name === name)?.value;
    expect(value("retention.ms")).toBe(String(14 * 86_400_000));
    expect(value("segment.ms")).toBe("3600000");

    await updateSystem({
      actor: seeded.admin.actor,
      systemId: seeded.system.id,
      input: { retentionDays: 2, partitions: 4 },
    });
    expect((await statuses(seeded.company.id))[`topic ${topic}`]).not.toBe("error");
    const pass = await reconcileOnce(scope);
    expect(pass).toMatchObject({ drift: 0, failed: 0 });
    const [described] = await admin.describeTopics([topic]);
    expect(described?.partitions).toHaveLength(4);
    const after = (await describeTopicConfigs(admin, [topic])).get(topic) ?? [];
    expect(after.find((c) => c.name === "retention.ms")?.value).toBe(String(2 * 86_400_000));
    expect(Object.values(await statuses(seeded.company.id))).toEqual(Array(4).fill("ready"));
  });

  it("says to rotate when a credential was deleted by hand, and recovers after the rotation", async () => {
    const seeded = await seedClient();
    const scope = { companyIds: [seeded.company.id] };
    await reconcileOnce(scope);
    await deleteScramCredential(consoleKafkaConfig(), seeded.client.principal);
    await credentialGone(seeded.client.principal);
    expect(await reconcileOnce(scope)).toMatchObject({ errors: 1, requests: { writes: 0 } });
    const row = await db.provisioningState.findUniqueOrThrow({
      where: { resourceType_resourceKey: { resourceType: "credential", resourceKey: seeded.client.principal } },
    });
    expect(row).toMatchObject({ status: "error" });
    expect(row.lastError).toMatch(/rotate the secret to re-issue it/);
    const rotated = await rotateClientSecret({ actor: seeded.admin.actor, clientId: seeded.client.id });
    await reconcileOnce(scope);
    await produce(asClient(seeded.client.principal, rotated.secret), `${seeded.system.name}.int`, ["ok"]);
  });

  it("removes a deleted client's credential and ACLs, then a deleted system's topics, and nothing else", async () => {
    const seeded = await seedClient();
    const scope = { companyIds: [seeded.company.id] };
    const stranger = `${seeded.system.name}.int-not-rhei`;
    await admin.createTopics([{ name: stranger, partitions: 1, replicationFactor: 1, configs: {} }]);
    await reconcileOnce(scope);
    await deleteClient({ actor: seeded.admin.actor, clientId: seeded.client.id });
    await reconcileOnce(scope);
    expect(await listScramUsers(consoleKafkaConfig(), [seeded.client.principal])).toEqual([]);
    expect(await describeAcls(admin, { principal: `User:${seeded.client.principal}` })).toEqual([]);

    await deleteSystem({ actor: seeded.admin.actor, systemId: seeded.system.id });
    expect(await reconcileOnce(scope)).toMatchObject({ failed: 0 });
    const topics = await admin.listTopics();
    expect(topics.filter((t) => t.startsWith(`${seeded.system.name}.`))).toEqual([stranger]);
    expect(await db.provisioningState.count({ where: { companyId: seeded.company.id } })).toBe(0);
    expect((await reconcileOnce(scope)).requests.writes).toBe(0);
    await admin.deleteTopics([stranger]);
  });

  it("registers a client whose credential reaches the cluster through registerClient alone", async () => {
    const seeded = await seedSystem();
    const { client, secret } = await registerClient({
      actor: seeded.admin.actor,
      systemId: seeded.system.id,
      input: { name: "gateway" },
    });
    await reconcileOnce({ companyIds: [seeded.company.id] });
    const me = asClient(client.principal, secret);
    await produce(me, `${seeded.system.name}.int`, ["hello"]);
    expect(await consume(me, client.principal, [`${seeded.system.name}.int`], 1)).toEqual(["hello"]);
  });

  it("shows where each resource stands to the roles that may see it, and lets admins ask for a pass", async () => {
    const seeded = await seedClient();
    const engineer = await seedMember(seeded.company.id, seeded.admin, "engineer");
    const operator = await seedMember(seeded.company.id, seeded.admin, "operator");
    const outsider = await seedSystem();
    const before = await getProvisioningStatus({ actor: seeded.admin.actor, systemId: seeded.system.id });
    expect(before).toMatchObject({ status: "pending", needsRotation: false });
    await reconcileOnce({ companyIds: [seeded.company.id] });
    expect(await getProvisioningStatus({ actor: engineer.actor, systemId: seeded.system.id })).toMatchObject({
      status: "ready",
      resources: [{ type: "topic" }, { type: "topic" }, { type: "topic" }],
    });
    expect(await getProvisioningStatus({ actor: seeded.admin.actor, clientId: seeded.client.id })).toMatchObject({
      status: "ready",
      resources: [{ type: "acls" }, { type: "credential" }],
    });
    await expect(getProvisioningStatus({ actor: operator.actor, clientId: seeded.client.id })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(
      getProvisioningStatus({ actor: outsider.admin.actor, systemId: seeded.system.id }),
    ).rejects.toMatchObject({ code: "not_found" });

    await deleteScramCredential(consoleKafkaConfig(), seeded.client.principal);
    await credentialGone(seeded.client.principal);
    await reconcileOnce({ companyIds: [seeded.company.id] });
    expect(await getProvisioningStatus({ actor: seeded.admin.actor, clientId: seeded.client.id })).toMatchObject({
      status: "error",
      needsRotation: true,
    });

    const list = await listProvisioningStates({
      actor: seeded.admin.actor,
      companyId: seeded.company.id,
      query: { status: "error" },
    });
    expect(list).toMatchObject({ total: 1, byStatus: { ready: 5, error: 1, pending: 0, drift: 0 } });
    expect(list.items[0]).toMatchObject({ resourceType: "credential", resourceKey: seeded.client.principal });
    await expect(
      listProvisioningStates({ actor: engineer.actor, companyId: seeded.company.id, query: {} }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      listProvisioningStates({ actor: seeded.admin.actor, companyId: seeded.company.id, query: { status: "fine" } }),
    ).rejects.toMatchObject({ code: "validation" });
    await expect(reconcileNow({ actor: engineer.actor, companyId: seeded.company.id })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(reconcileNow({ actor: outsider.admin.actor, companyId: seeded.company.id })).rejects.toMatchObject({
      code: "not_found",
    });
    const heard: string[] = [];
    const off = subscribeEvents(["provisioning.requested"], (e) => {
      if (e.type !== EVENTS_RESUMED) heard.push(e.companyId);
    });
    await eventsListening();
    await reconcileNow({ actor: seeded.admin.actor, companyId: seeded.company.id });
    await expect.poll(() => heard).toEqual([seeded.company.id]);
    await off();
  });

  it("runs one pass at a time across processes: a pass while another holds the lock does nothing", async () => {
    const seeded = await seedSystem();
    const inner = await withReconcileLock(() => reconcileOnce({ companyIds: [seeded.company.id] }));
    expect(inner).toMatchObject({ ran: true, value: { ran: false, actions: 0 } });
    expect(await db.provisioningState.count({ where: { companyId: seeded.company.id } })).toBe(0);
    // Three topics, and the rollup job's READ on them.
    expect(await reconcileOnce({ companyIds: [seeded.company.id] })).toMatchObject({ ran: true, actions: 4 });
  });
});
