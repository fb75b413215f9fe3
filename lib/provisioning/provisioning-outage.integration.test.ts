import { execFileSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { asClient, produce } from "@/test/kafka-as-client";
import { seedCompany } from "@/test/seed";
import { registerClient } from "../clients/register-client";
import { revokeClient } from "../clients/revoke-client";
import { describeCompanyCluster } from "../cluster/describe-company-cluster";
import { db } from "../db/client";
import { describeAcls } from "../kafka/acls";
import { KafkaAdmin } from "../kafka/admin";
import { consoleKafkaConfig } from "../kafka/console-connection";
import { listScramUsers } from "../kafka/scram-credentials";
import { createSystem } from "../systems/create-system";
import { getProvisioningStatus } from "./get-provisioning-status";
import { type Reconciler, startReconciler } from "./reconciler";

function kafka(action: "kafka-down" | "kafka-up") {
  execFileSync("bash", ["scripts/services.sh", action, "test"], { stdio: "inherit" });
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

let reconciler: Reconciler | undefined;
afterAll(async () => {
  kafka("kafka-up"); // whatever happened above, the broker is back for the next test file
  await reconciler?.stop();
}, 180_000);

describe("provisioning while Kafka is away", () => {
  it("leaves a new system and client pending, then makes them ready once Kafka is back, without duplicates", async () => {
    const { company, admin } = await seedCompany();
    reconciler = startReconciler({ companyIds: [company.id], debounceMs: 100, followUpMs: 500, maxBackoffMs: 2000 });
    await reconciler.nextPass();

    // A credential removal in the metadata log: Kafka 3.9 loses every SCRAM user at restart if it replays one onto
    // an empty image (see scripts/lib/kafka.sh); the restart below must keep the console's own credential.
    const early = await createSystem({
      actor: admin.actor,
      companyId: company.id,
      input: { workcenter: "outage", station: "s0" },
    });
    const doomed = await registerClient({ actor: admin.actor, systemId: early.id, input: { name: "doomed" } });
    await until(
      "the doomed client provisioned",
      async () => (await listScramUsers(consoleKafkaConfig(), [doomed.client.principal])).length === 1,
    );
    await revokeClient({ actor: admin.actor, clientId: doomed.client.id });
    await until(
      "the doomed client removed",
      async () => (await listScramUsers(consoleKafkaConfig(), [doomed.client.principal])).length === 0,
    );

    kafka("kafka-down");
    const system = await createSystem({
      actor: admin.actor,
      companyId: company.id,
      input: { workcenter: "outage", station: "s1", partitions: 2 },
    });
    const { client, secret } = await registerClient({
      actor: admin.actor,
      systemId: system.id,
      input: { name: "survivor" },
    });
    // The domain operations returned at once (they only nudge); the reconciler records why it waits.
    const waiting = await until("pending rows that say Kafka is unreachable", async () => {
      const rows = await db.provisioningState.findMany({ where: { companyId: company.id, systemId: system.id } });
      return rows.length === 5 && rows.every((r) => r.status === "pending" && /unreachable/i.test(r.lastError ?? ""))
        ? rows
        : undefined;
    });
    expect(waiting.map((r) => r.resourceType).sort()).toEqual(["acls", "credential", "topic", "topic", "topic"]);
    // Pages that need only PostgreSQL still answer; the cluster page says Kafka is away, within seconds.
    expect(await getProvisioningStatus({ actor: admin.actor, clientId: client.id })).toMatchObject({
      status: "pending",
    });
    const started = Date.now();
    await expect(describeCompanyCluster({ actor: admin.actor, companyId: company.id })).rejects.toMatchObject({
      code: "unavailable",
      message: expect.stringMatching(/Kafka is unreachable/),
    });
    expect(Date.now() - started).toBeLessThan(15_000);

    kafka("kafka-up");
    await until("every resource ready", async () => {
      const rows = await db.provisioningState.findMany({ where: { companyId: company.id } });
      // Two systems' three topics, two clients' credential and ACLs, the rollup job's READ on the company's topics.
      return rows.length === 11 && rows.every((r) => r.status === "ready");
    });

    const admin2 = await KafkaAdmin.connect(consoleKafkaConfig());
    try {
      const topics = (await admin2.listTopics()).filter((t) => t.startsWith(`${system.name}.`)).sort();
      expect(topics).toEqual([`${system.name}.ext`, `${system.name}.int`, `${system.name}.log`]);
      expect(await describeAcls(admin2, { principal: `User:${client.principal}` })).toHaveLength(5);
      expect(await listScramUsers(consoleKafkaConfig(), [client.principal])).toEqual([client.principal]);
    } finally {
      await admin2.disconnect();
    }
    const actions = await db.auditEvent.findMany({
      where: { companyId: company.id, actorType: "system", targetLabel: { startsWith: system.name } },
      select: { action: true },
    });
    expect(actions.map((a) => a.action).sort()).toEqual([
      "provisioning.acls.create",
      "provisioning.credential.set",
      "provisioning.topic.create",
      "provisioning.topic.create",
      "provisioning.topic.create",
    ]);
    await produce(asClient(client.principal, secret), `${system.name}.int`, ["made it"]);
  }, 240_000);

  it("records every company's new resources as waiting while Kafka is away, not only the first chunk's", async () => {
    const seeded = [await seedCompany(), await seedCompany(), await seedCompany()];
    // One company per chunk: before, a full pass stopped at the first chunk when the broker was away, so the
    // others' new systems showed no status at all until Kafka came back.
    const own = startReconciler({
      companyIds: seeded.map((s) => s.company.id),
      companiesPerPass: 1,
      debounceMs: 100,
      followUpMs: 500,
      maxBackoffMs: 2000,
      listen: false,
    });
    try {
      await own.nextPass();
      kafka("kafka-down");
      own.nudge(); // a full pass is due, as every minute: the systems below are reconciled in it
      const systems = [];
      for (const { company, admin } of seeded) {
        systems.push(
          await createSystem({
            actor: admin.actor,
            companyId: company.id,
            input: { workcenter: "away", station: "s" },
          }),
        );
      }
      const ids = systems.map((s) => s.id);
      const waiting = await until("pending rows in every company", async () => {
        const rows = await db.provisioningState.findMany({ where: { systemId: { in: ids } } });
        return rows.length === 9 && rows.every((r) => r.status === "pending" && /unreachable/i.test(r.lastError ?? ""))
          ? rows
          : undefined;
      });
      expect(new Set(waiting.map((r) => r.companyId))).toEqual(new Set(seeded.map((s) => s.company.id)));

      kafka("kafka-up");
      await until("every company's topics ready", async () => {
        const rows = await db.provisioningState.findMany({ where: { systemId: { in: ids } } });
        return rows.length === 9 && rows.every((r) => r.status === "ready");
      });
    } finally {
      kafka("kafka-up");
      await own.stop();
    }
  }, 240_000);
});
