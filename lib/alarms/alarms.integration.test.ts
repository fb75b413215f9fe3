// Alarm rules evaluated once per record by the console's evaluator (a consumer group on every system's .int), on
// the real broker: raised after the hold, one open alarm per rule, cleared, acknowledged; health kept; a restart
// resumes from Kafka.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedLiveWorld } from "@/test/live-world";
import { seedMember } from "@/test/seed";
import { db } from "../db/client";
import { acknowledgeAlarm } from "./acknowledge-alarm";
import { startAlarmEvaluator } from "./alarm-evaluator";
import { createAlarmRule } from "./create-alarm-rule";
import { listAlarms } from "./list-alarms";

let world: Awaited<ReturnType<typeof seedLiveWorld>>;

beforeAll(async () => {
  world = await seedLiveWorld();
}, 60_000);
afterAll(async () => {
  await world?.cleanup();
});

// Phenomenon times only move forward across calls: each batch starts after the previous one's last record, even
// when the test produces again sooner than the batch's spacing (a later record must never be timed earlier).
let clock = 0;
async function produceValues(values: number[], gapMs = 1000) {
  clock = Math.max(clock, Date.now());
  for (const v of values) {
    await world.producer.produce(world.datastream.fullName, v, { phenomenonTime: new Date(clock).toISOString() });
    clock += gapMs;
  }
  await world.producer.flush();
}

describe("alarm rules", () => {
  it("raise one alarm after the hold, update it on repeats, clear it, and keep the datastream's health", async () => {
    const rule = await createAlarmRule({
      actor: world.admin.actor,
      datastreamId: world.datastream.id,
      input: { name: "Too warm", kind: "above", threshold: 30, holdSeconds: 2, severity: "critical" },
    });
    const evaluator = startAlarmEvaluator();
    try {
      await evaluator.ready;
      // 31 at t, 32 at t+1 s (held 1 s: not yet), 33 at t+2 s (held 2 s: raised), 34 (a repeat), then 20 (cleared).
      await produceValues([31, 32, 33, 34]);
      await expect
        .poll(async () => db.alarm.findMany({ where: { ruleId: rule.id } }), { timeout: 20_000 })
        .toMatchObject([{ state: "open", severity: "critical", occurrences: 2 }]);
      const [open] = await db.alarm.findMany({ where: { ruleId: rule.id } });
      expect(open?.message).toMatch(/above 30 degC for 2 s/);
      const operator = await seedMember(world.company.id, world.admin, "operator");
      const listed = await listAlarms({ actor: operator.actor, companyId: world.company.id, query: {} });
      expect(listed.items.map((a) => a.id)).toEqual([open?.id]);
      await acknowledgeAlarm({ actor: operator.actor, alarmId: open?.id ?? "" });
      await expect(acknowledgeAlarm({ actor: operator.actor, alarmId: open?.id ?? "" })).rejects.toMatchObject({
        code: "conflict",
      });
      const audit = await db.auditEvent.findFirst({ where: { action: "alarm.acknowledge", targetId: open?.id } });
      expect(audit?.actorLabel).toBe(operator.email);
      await produceValues([20]);
      await expect
        .poll(async () => (await db.alarm.findUnique({ where: { id: open?.id } }))?.state, { timeout: 20_000 })
        .toBe("cleared");
      // Held again: a new alarm, never a second open one.
      await produceValues([40, 41, 42]);
      await expect
        .poll(async () => db.alarm.count({ where: { ruleId: rule.id, state: "open" } }), { timeout: 20_000 })
        .toBe(1);
      await expect
        .poll(async () => db.datastreamHealth.findUnique({ where: { datastreamId: world.datastream.id } }), {
          timeout: 20_000,
        })
        .toMatchObject({ perMinute: expect.any(Number), lastValue: 42 });
    } finally {
      await evaluator.stop();
    }
  }, 90_000);

  it("resumes from Kafka after a restart: records produced while it was down still count", async () => {
    const rule = await createAlarmRule({
      actor: world.admin.actor,
      datastreamId: world.datastream.id,
      input: { name: "Freezing", kind: "below", threshold: -10, holdSeconds: 0 },
    });
    let evaluator = startAlarmEvaluator();
    await evaluator.ready;
    await produceValues([5]);
    await new Promise((resolve) => setTimeout(resolve, 3000)); // committed past 5
    await evaluator.stop();
    await produceValues([-20]); // while no evaluator runs
    evaluator = startAlarmEvaluator();
    try {
      await expect
        .poll(async () => db.alarm.count({ where: { ruleId: rule.id, state: "open" } }), { timeout: 30_000 })
        .toBe(1);
    } finally {
      await evaluator.stop();
    }
  }, 90_000);

  it("refuse rules a datastream's type cannot meet, and roles that may not manage them", async () => {
    const operator = await seedMember(world.company.id, world.admin, "operator");
    await expect(
      createAlarmRule({
        actor: operator.actor,
        datastreamId: world.datastream.id,
        input: { name: "x", kind: "above", threshold: 1 },
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      createAlarmRule({
        actor: world.admin.actor,
        datastreamId: world.datastream.id,
        input: { name: "x", kind: "above" },
      }),
    ).rejects.toMatchObject({ code: "validation", fieldErrors: { threshold: [expect.any(String)] } });
  });
});
