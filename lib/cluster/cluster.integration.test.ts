import { describe, expect, it } from "vitest";
import { asClient, consume, produce } from "@/test/kafka-as-client";
import { seedClient, seedMember } from "@/test/seed";
import { db } from "../db/client";
import { createKafkajs } from "../kafka/kafkajs-client";
import { reconcileOnce } from "../provisioning/reconcile-once";
import { describeCompanyCluster } from "./describe-company-cluster";
import { previewGroupOffsetReset, resetGroupOffsets } from "./reset-group-offsets";

describe("the cluster page's operations", () => {
  it("show the company's topics, groups with lag and ACLs, and reset a stopped group after a preview", async () => {
    const seeded = await seedClient();
    const other = await seedClient();
    await reconcileOnce({ companyIds: [seeded.company.id, other.company.id] });
    const me = asClient(seeded.client.principal, seeded.secret);
    const int = `${seeded.system.name}.int`;
    await produce(me, int, ["1", "2", "3", "4"]);
    expect(await consume(me, seeded.client.principal, [int], 4)).toHaveLength(4);

    const view = await describeCompanyCluster({ actor: seeded.admin.actor, companyId: seeded.company.id });
    expect(view.brokers.length).toBeGreaterThan(0);
    expect(view.topics.map((t) => t.name)).toEqual([int, `${seeded.system.name}.ext`, `${seeded.system.name}.log`]);
    const intView = view.topics.find((t) => t.name === int);
    expect(intView).toMatchObject({
      exists: true,
      records: "4",
      retentionMs: String(14 * 86_400_000),
      cleanupPolicy: "delete",
    });
    expect(intView?.partitions).toHaveLength(2);
    expect(intView?.bytes).toBeGreaterThan(0);
    expect(view.topics.some((t) => t.name.startsWith(other.system.name))).toBe(false);
    const group = view.groups.find((g) => g.groupId === seeded.client.principal);
    expect(group).toMatchObject({ stopped: true, totalLag: "0" });
    expect(view.groups.some((g) => g.groupId.startsWith(other.system.name))).toBe(false);
    // The client's five bindings, and the rollup job's READ on the system's .int and .ext: nobody else's.
    expect(view.acls.map((a) => a.principal)).toEqual([`User:${seeded.client.principal}`, "User:rhei-rollups"]);
    expect(view.acls[0]?.bindings).toHaveLength(5);
    expect(view.acls[1]?.bindings.map((b) => `${b.operation} ${b.resourceName}`).sort()).toEqual([
      `read ${seeded.system.name}.ext`,
      `read ${int}`,
    ]);

    const input = { groupId: seeded.client.principal, to: "start" as const };
    const preview = await previewGroupOffsetReset({ actor: seeded.admin.actor, companyId: seeded.company.id, input });
    expect(preview.stopped).toBe(true);
    expect(preview.positions.every((p) => p.target === "0")).toBe(true);
    // All four records share a key, so one partition holds them; the group never committed on the other.
    expect(preview.positions.map((p) => p.current ?? "none").sort()).toEqual(["4", "none"]);
    const after = await describeCompanyCluster({ actor: seeded.admin.actor, companyId: seeded.company.id });
    expect(after.groups.find((g) => g.groupId === seeded.client.principal)?.totalLag).toBe("0"); // preview changed nothing

    await resetGroupOffsets({ actor: seeded.admin.actor, companyId: seeded.company.id, input });
    const reset = await describeCompanyCluster({ actor: seeded.admin.actor, companyId: seeded.company.id });
    expect(reset.groups.find((g) => g.groupId === seeded.client.principal)?.totalLag).toBe("4");
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { companyId: seeded.company.id, action: "cluster.group.reset-offsets" },
    });
    expect(audit).toMatchObject({ actorType: "user", targetLabel: seeded.client.principal });
    // The client reads its four records again.
    expect(await consume(me, seeded.client.principal, [int], 4)).toHaveLength(4);

    await expect(
      resetGroupOffsets({
        actor: seeded.admin.actor,
        companyId: seeded.company.id,
        input: { groupId: other.client.principal, to: "end" },
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      resetGroupOffsets({
        actor: seeded.admin.actor,
        companyId: seeded.company.id,
        input: { groupId: seeded.client.principal, to: "time" },
      }),
    ).rejects.toMatchObject({ code: "validation", fieldErrors: { at: [expect.any(String)] } });
  });

  it("refuse to move a running group, and are for admins of the company only", async () => {
    const seeded = await seedClient();
    await reconcileOnce({ companyIds: [seeded.company.id] });
    const engineer = await seedMember(seeded.company.id, seeded.admin, "engineer");
    const outsider = await seedClient();
    await expect(describeCompanyCluster({ actor: engineer.actor, companyId: seeded.company.id })).rejects.toMatchObject(
      { code: "forbidden" },
    );
    await expect(
      describeCompanyCluster({ actor: outsider.admin.actor, companyId: seeded.company.id }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      previewGroupOffsetReset({
        actor: engineer.actor,
        companyId: seeded.company.id,
        input: { groupId: seeded.client.principal, to: "end" },
      }),
    ).rejects.toMatchObject({ code: "forbidden" });

    const int = `${seeded.system.name}.int`;
    const config = asClient(seeded.client.principal, seeded.secret);
    await produce(config, int, ["x"]);
    const consumer = createKafkajs(config).consumer({ groupId: seeded.client.principal });
    await consumer.connect();
    await consumer.subscribe({ topics: [int], fromBeginning: true });
    let seen = 0;
    await consumer.run({
      eachMessage: async () => {
        seen++;
      },
    });
    try {
      const deadline = Date.now() + 20_000;
      while (seen < 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      const view = await describeCompanyCluster({ actor: seeded.admin.actor, companyId: seeded.company.id });
      const group = view.groups.find((g) => g.groupId === seeded.client.principal);
      expect(group).toMatchObject({ state: "stable", stopped: false });
      expect(group?.members[0]?.assignment).toEqual([{ topic: int, partitions: [0, 1] }]);
      await expect(
        resetGroupOffsets({
          actor: seeded.admin.actor,
          companyId: seeded.company.id,
          input: { groupId: seeded.client.principal, to: "start" },
        }),
      ).rejects.toMatchObject({ code: "conflict" });
    } finally {
      await consumer.disconnect();
    }
  });
});
