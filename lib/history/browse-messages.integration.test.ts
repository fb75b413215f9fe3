// The messages view of a system's topic on the real broker: by time, offset and key, a live tail, decoded records
// and the reasons of messages that are none; for admins and engineers only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedHistoryWorld } from "@/test/history-world";
import { produce } from "@/test/kafka-as-client";
import { seedCompany, seedMember } from "@/test/seed";
import { db } from "../db/client";
import type { AppError } from "../errors";
import { browseMessages } from "./browse-messages";

let world: Awaited<ReturnType<typeof seedHistoryWorld>>;
const T0 = Math.floor((Date.now() - 1_800_000) / 1000) * 1000;

beforeAll(async () => {
  world = await seedHistoryWorld({ kinds: ["Measurement", "Category"] });
  await world.produce(
    Array.from({ length: 40 }, (_, i) => ({ ds: i % 2, v: i % 2 === 0 ? i : `s${i}`, t: T0 + i * 1000 })),
  );
  // A message that is no record: the view shows it with the reason.
  await produce(world.kafka.kafka, world.kafka.topics.int, ["not json at all"]);
}, 60_000);

afterAll(async () => {
  await world?.cleanup();
});

const browse = (query: Record<string, unknown>, actor = world.admin.actor) =>
  browseMessages({ actor, systemId: world.system.id, query });

describe("the messages view", () => {
  it("shows a topic's messages from a time, decoded with their datastream, and the ones that are no record", async () => {
    const page = await browse({ from: new Date(T0 - 1000).toISOString(), limit: 500 });
    expect(page.messages).toHaveLength(41);
    const first = page.messages.find((m) => m.record?.result === 0);
    expect(first).toMatchObject({
      key: world.datastreams[0]?.fullName,
      timestamp: new Date(T0).toISOString(),
      record: { datastream: world.datastreams[0]?.fullName, result: 0, unit: "degC", format: "rhei" },
    });
    expect(page.messages.find((m) => m.value === "not json at all")?.rejected).toMatch(/not JSON/);
    const times = page.messages.map((m) => m.timestamp);
    expect(times.slice(0, 40)).toEqual([...times.slice(0, 40)].sort());
  });

  it("pages by offset in one partition, filters by key, and tails new messages", async () => {
    const p = 1; // datastream 1 is on partition 1 (seedHistoryWorld spreads them)
    const byOffset = await browse({ partition: String(p), offset: "3", limit: 5 });
    expect(byOffset.messages.map((m) => [m.partition, m.offset])).toEqual([3, 4, 5, 6, 7].map((o) => [p, String(o)]));
    expect(byOffset.more).toBe(true);
    const next = await browse({ after: byOffset.positions, limit: 2 });
    expect(next.messages.filter((m) => m.partition === p).map((m) => m.offset)).toEqual(["8", "9"]);
    const byKey = await browse({ key: world.datastreams[0]?.fullName, from: "now-1h", limit: 500 });
    expect(byKey.messages).toHaveLength(20);
    expect(new Set(byKey.messages.map((m) => m.key))).toEqual(new Set([world.datastreams[0]?.fullName]));

    const tail = await browse({ tail: "true" });
    expect(tail.messages).toEqual([]);
    await world.produce([{ ds: 0, v: 4242, t: Date.now() }]);
    const since = await browse({ after: tail.positions });
    expect(since.messages.map((m) => m.record?.result)).toEqual([4242]);
    expect((await browse({ after: since.positions })).messages).toEqual([]);
  });

  it("is for admins and engineers: operators and auditors may not, another company's is not found", async () => {
    const engineer = await seedMember(world.company.id, world.admin, "engineer");
    expect((await browse({ limit: 1 }, engineer.actor)).messages.length).toBeGreaterThanOrEqual(0);
    for (const role of ["operator", "auditor"] as const) {
      const user = await seedMember(world.company.id, world.admin, role);
      await expect(browse({}, user.actor)).rejects.toMatchObject({ code: "forbidden" });
    }
    const stranger = await seedCompany();
    await expect(browse({}, stranger.admin.actor)).rejects.toMatchObject({ code: "not_found" });
    const audit = await db.auditEvent.count({ where: { companyId: world.company.id, action: "history.messages" } });
    expect(audit).toBeGreaterThan(0);
  });

  it("refuses malformed input naming the field", async () => {
    const refusal = async (query: Record<string, unknown>) => {
      try {
        await browse(query);
      } catch (error) {
        return Object.keys((error as AppError).fieldErrors ?? {});
      }
      return [];
    };
    expect(await refusal({ offset: "3" })).toEqual(["partition"]);
    expect(await refusal({ partition: "99", offset: "0" })).toEqual(["partition"]);
    expect(await refusal({ limit: "100000" })).toEqual(["limit"]);
    expect(await refusal({ after: "x" })).toEqual(["after"]);
    expect(await refusal({ topic: "secrets" })).toEqual(["topic"]);
    expect(await refusal({ from: "soon" })).toEqual(["from"]);
  });
});
