import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { db } from "@/lib/db/client";
import { answerGrant } from "@/lib/grants/answer-grant";
import { getGrant } from "@/lib/grants/get-grant";
import { offerGrant } from "@/lib/grants/offer-grant";
import { revokeGrant } from "@/lib/grants/revoke-grant";
import { describeAcls } from "@/lib/kafka/acls";
import { KafkaAdmin } from "@/lib/kafka/admin";
import { consoleKafkaConfig } from "@/lib/kafka/console-connection";
import { deleteSystem } from "@/lib/systems/delete-system";
import { recentMinute } from "@/test/recent-time";
import {
  decoded,
  provision,
  readExt,
  seedStreamCompany,
  seedStreamSystem,
  writeReadings,
} from "@/test/stream-app-world";
import { createStreamApp } from "./create-stream-app";
import { deployStreamApp } from "./deploy-stream-app";
import { getStreamApp } from "./get-stream-app";
import { streamAppWorker } from "./runner/stream-app-worker";
import { stopStreamApp } from "./stop-stream-app";
import { updateStreamApp } from "./update-stream-app";

// Stream apps on the real broker and database, run by a worker in this process (the kill-restart test runs them in
// child processes): deploy, filter, edit a running app, stop it.
const base = recentMinute(60);
let world: Awaited<ReturnType<typeof seedStreamCompany>>;
let receiver: Awaited<ReturnType<typeof seedStreamCompany>>;
let worker: ReturnType<typeof streamAppWorker>;

beforeAll(async () => {
  world = await seedStreamCompany(2);
  receiver = await seedStreamCompany(2);
  await provision([world.company.id, receiver.company.id]);
  worker = streamAppWorker({
    companyIds: [world.company.id, receiver.company.id],
    refreshMs: 1000,
    flushMs: 300,
    maxWaitMs: 200,
    sessionTimeoutMs: 6000,
  });
  await worker.start();
});
afterAll(async () => {
  await worker?.stop();
});

describe("a filter app within a company", () => {
  it("writes exactly the selected records, unchanged and timestamped with phenomenon time, into the target's .ext", async () => {
    const [source, target] = world.systems as [(typeof world.systems)[0], (typeof world.systems)[0]];
    const readings = Array.from({ length: 40 }, (_, i) => ({
      name: i % 4 === 3 ? source.status : source.temperature,
      result: i % 4 === 3 ? "on" : i - 20,
      time: base + i * 1000,
    }));
    await writeReadings(source, readings);
    const { app, warnings } = await createStreamApp({
      actor: world.engineer.actor,
      companyId: world.company.id,
      input: {
        name: "frost",
        targetSystemId: target.id,
        query: `SELECT * FROM ${source.name} WHERE quantity = 'Air Temperature' AND result < 0`,
      },
    });
    expect(warnings).toEqual([]);
    await deployStreamApp({ actor: world.engineer.actor, appId: app.id });
    await provision([world.company.id]);
    const expected = readings.filter((r) => r.name === source.temperature && (r.result as number) < 0);
    await expect
      .poll(async () => (await readExt(target)).length, { timeout: 30_000, interval: 500 })
      .toBe(expected.length);
    const got = decoded(await readExt(target));
    const sorted = [...got].sort((a, b) => a.timestamp - b.timestamp);
    expect(sorted.map((r) => [r.name, r.result, r.timestamp])).toEqual(expected.map((r) => [r.name, r.result, r.time]));

    await expect
      .poll(async () => (await getStreamApp({ actor: world.admin.actor, appId: app.id })).metrics, { timeout: 15_000 })
      .toMatchObject({
        recordsIn: 40,
        recordsOut: expected.length,
        filteredOut: 40 - expected.length,
        decodeFailed: 0,
      });
    const detail = await getStreamApp({ actor: world.admin.actor, appId: app.id });
    expect(detail.status.state).toBe("running");
    expect(detail.metrics.lag).toBe(0);

    // Edit: a new version continues from where the app was; later records are judged by it alone.
    const { app: v2 } = await updateStreamApp({
      actor: world.engineer.actor,
      appId: app.id,
      input: { query: `SELECT * FROM ${source.name} WHERE quantity = 'Air Temperature' AND result >= 100` },
    });
    expect(v2.version).toBe(2);
    await expect
      .poll(async () => (await db.streamAppRunner.findMany({ where: { appId: app.id } })).map((r) => r.version), {
        timeout: 15_000,
      })
      .toEqual([2]);
    const more = Array.from({ length: 10 }, (_, i) => ({
      name: source.temperature,
      result: 95 + i,
      time: base + 100_000 + i,
    }));
    await writeReadings(source, more);
    const expectedAfter = [...expected, ...more.filter((r) => (r.result as number) >= 100)];
    await expect
      .poll(async () => (await readExt(target)).length, { timeout: 30_000, interval: 500 })
      .toBe(expectedAfter.length);
    const all = decoded(await readExt(target)).sort((a, b) => a.timestamp - b.timestamp);
    expect(all.map((r) => r.result)).toEqual(expectedAfter.map((r) => r.result));

    await stopStreamApp({ actor: world.engineer.actor, appId: app.id });
    await expect
      .poll(async () => (await getStreamApp({ actor: world.admin.actor, appId: app.id })).status.state, {
        timeout: 15_000,
      })
      .toBe("stopped");
  });
});

async function appAcls(principal: string) {
  const admin = await KafkaAdmin.connect(consoleKafkaConfig());
  try {
    return (await describeAcls(admin)).filter((b) => b.principal === `User:${principal}`);
  } finally {
    await admin.disconnect();
  }
}

describe("a stream app across companies", () => {
  it("needs an accepted grant, reads only what it covers, stops within seconds when revoked and resumes under a new one", async () => {
    // A source of its own (the first test's records are not this one's business).
    const source = await seedStreamSystem(world.admin, world.company.id, 2);
    await provision([world.company.id]);
    const [target] = receiver.systems as [(typeof receiver.systems)[0]];
    const input = {
      name: "granted",
      targetSystemId: target.id,
      query: `SELECT * FROM ${source.name} WHERE result < 5`,
    };
    const refused = await createStreamApp({
      actor: receiver.engineer.actor,
      companyId: receiver.company.id,
      input,
    }).catch((e: unknown) => e as Error);
    expect(refused).toBeInstanceOf(Error);
    expect((refused as Error).message).toContain(
      `${source.name} is neither a system of your company nor granted to it`,
    );

    const grant = await offerGrant({
      actor: world.engineer.actor,
      systemId: source.id,
      input: {
        targetCompany: `${receiver.company.domain}.${receiver.company.enterprise}`,
        datastreams: "Main.Air Temperature",
        filter: "result > -10",
      },
    });
    // Offered is not yet granted.
    await expect(
      createStreamApp({ actor: receiver.engineer.actor, companyId: receiver.company.id, input }),
    ).rejects.toThrow(/neither a system of your company nor granted/);
    // The receiver sees what it is offered: the covered datastreams with types and units.
    const seen = await getGrant({ actor: receiver.admin.actor, grantId: grant.id });
    expect(seen.covered.map((d) => [d.fullName, d.observationType])).toEqual([[source.temperature, "Measurement"]]);
    expect(seen.canAnswer).toBe(true);
    await answerGrant({ actor: receiver.admin.actor, grantId: grant.id, input: { accept: true } });

    const { app } = await createStreamApp({ actor: receiver.engineer.actor, companyId: receiver.company.id, input });
    await deployStreamApp({ actor: receiver.engineer.actor, appId: app.id });
    await provision([receiver.company.id]);
    const t0 = recentMinute(50);
    const first = [
      ...Array.from({ length: 20 }, (_, i) => ({ name: source.temperature, result: i - 15, time: t0 + i })),
      { name: source.status, result: "not granted", time: t0 + 50 },
    ];
    await writeReadings(source, first);
    // The grant covers the temperature above -10; the app keeps what is below 5: -9 … 4.
    const want = first.filter(
      (r) => r.name === source.temperature && (r.result as number) > -10 && (r.result as number) < 5,
    );
    await expect.poll(async () => (await readExt(target)).length, { timeout: 30_000, interval: 500 }).toBe(want.length);
    expect(decoded(await readExt(target)).map((r) => r.result)).toEqual(want.map((r) => r.result));
    await expect
      .poll(async () => (await appAcls(app.principal)).map((b) => `${b.operation} ${b.resourceName}`).sort(), {
        timeout: 10_000,
      })
      .toContain(`read ${source.name}.int`);

    // Revoked by the source: the worker lets go of the app within seconds (the transaction in flight completes),
    // and the app's page says why.
    await revokeGrant({ actor: world.engineer.actor, grantId: grant.id });
    await expect
      .poll(
        async () => {
          const s = (await getStreamApp({ actor: receiver.engineer.actor, appId: app.id })).status;
          const runners = await db.streamAppRunner.findMany({ where: { appId: app.id } });
          return s.state === "stopped" && s.reason.includes("revoked") && runners.every((r) => r.state === "stopped");
        },
        { timeout: 5000, interval: 100 },
      )
      .toBe(true);
    const during = Array.from({ length: 5 }, (_, i) => ({ name: source.temperature, result: i, time: t0 + 1000 + i }));
    await writeReadings(source, during);
    await provision([receiver.company.id]);
    expect((await appAcls(app.principal)).some((b) => b.resourceName === `${source.name}.int`)).toBe(false);
    await new Promise((r) => setTimeout(r, 2000));
    expect((await readExt(target)).length).toBe(want.length);
    const log = await db.streamAppLogEntry.findMany({ where: { appId: app.id }, orderBy: { id: "asc" } });
    expect(log.map((l) => l.message).join("\n")).toMatch(/revoked by the source company/);

    // Both companies' audit logs hold the offer, the acceptance and the revocation.
    for (const c of [world, receiver]) {
      const events = await listAuditEvents({
        actor: c.admin.actor,
        companyId: c.company.id,
        query: { targetType: "grant" },
      });
      expect(events.items.map((e) => e.action).sort()).toEqual(["grant.accept", "grant.offer", "grant.revoke"]);
    }

    // A new grant, accepted: the app resumes by itself from where it was, and what came meanwhile arrives.
    const again = await offerGrant({
      actor: world.admin.actor,
      systemId: source.id,
      input: { targetCompany: `${receiver.company.domain}.${receiver.company.enterprise}`, targetSystem: target.name },
    });
    await answerGrant({ actor: receiver.admin.actor, grantId: again.id, input: { accept: true } });
    await provision([receiver.company.id]);
    await expect
      .poll(async () => (await readExt(target)).length, { timeout: 30_000, interval: 500 })
      .toBe(want.length + during.length);
    expect(
      decoded(await readExt(target))
        .slice(want.length)
        .map((r) => r.result),
    ).toEqual(during.map((r) => r.result));
    await stopStreamApp({ actor: receiver.engineer.actor, appId: app.id });
  });

  it("stops with the reason when its target system is deleted", async () => {
    const [, other] = world.systems as [(typeof world.systems)[0], (typeof world.systems)[0]];
    const doomed = await seedStreamSystem(world.admin, world.company.id, 1);
    const { app } = await createStreamApp({
      actor: world.engineer.actor,
      companyId: world.company.id,
      input: { name: "to-doomed", targetSystemId: doomed.id, query: `SELECT * FROM ${other.name}` },
    });
    await deployStreamApp({ actor: world.engineer.actor, appId: app.id });
    await deleteSystem({ actor: world.admin.actor, systemId: doomed.id });
    await expect
      .poll(async () => (await getStreamApp({ actor: world.engineer.actor, appId: app.id })).status, {
        timeout: 10_000,
      })
      .toMatchObject({ state: "stopped", reason: expect.stringContaining(`target system ${doomed.name} was deleted`) });
    await stopStreamApp({ actor: world.engineer.actor, appId: app.id });
  });
});
