// Trace pages on the real broker: every record once, forward and back, through signed cursors that survive new
// records; seeks, value filters, counts; and every kind of bad input answered with a clear 4xx, never a read.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedHistoryWorld } from "@/test/history-world";
import { seedCompany, seedMember } from "@/test/seed";
import { db } from "../db/client";
import { AppError } from "../errors";
import { queryTrace } from "./query-trace";
import type { RecordsPage } from "./schemas";

let world: Awaited<ReturnType<typeof seedHistoryWorld>>;
const T0 = Date.parse("2026-05-01T08:00:00Z");
const N = 600;
const iso = (t: number) => new Date(t).toISOString();
const ids = () => world.datastreams.map((d) => d.id).join(",");
const key = (r: RecordsPage["items"][number]) => `${r.datastream}@${r.time}#${r.partition}:${r.offset}`;

async function page(query: Record<string, unknown>, actor = world.admin.actor) {
  return queryTrace({ actor, companyId: world.company.id, query: { datastreams: ids(), ...query } });
}

async function refusal(query: Record<string, unknown>, actor = world.admin.actor) {
  try {
    await page(query, actor);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return { code: (error as AppError).code, message: (error as AppError).message };
  }
  throw new Error("expected a refusal");
}

beforeAll(async () => {
  world = await seedHistoryWorld({ kinds: ["Measurement", "Count", "Truth"] });
  await world.produce(
    Array.from({ length: N }, (_, i) => ({ ds: i % 3, v: i % 3 === 2 ? i % 4 === 0 : i, t: T0 + i * 1000 })),
  );
}, 60_000);

afterAll(async () => {
  await world?.cleanup();
});

describe("trace pages", () => {
  const range = { from: iso(T0 + 30_500), to: iso(T0 + 480_500) }; // cuts through the records, 450 of them

  it("pages forward and back over every record once, in trace order", async () => {
    const forward: string[] = [];
    let p = await page({ ...range, pageSize: 37 });
    expect(p.previous).toBeNull();
    forward.push(...p.items.map(key));
    const pages = [p];
    while (p.next) {
      p = await page({ ...range, pageSize: 37, cursor: p.next });
      forward.push(...p.items.map(key));
      pages.push(p);
    }
    expect(forward).toHaveLength(450);
    expect(new Set(forward).size).toBe(450);
    const times = pages.flatMap((x) => x.items.map((r) => Date.parse(r.time)));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times[0]).toBe(T0 + 31_000);
    // Back from the last page: the same records, page by page.
    const backward: string[] = [...p.items.map(key)];
    while (p.previous) {
      p = await page({ ...range, pageSize: 37, cursor: p.previous });
      backward.unshift(...p.items.map(key));
    }
    expect(backward).toEqual(forward);
  });

  it("keeps a cursor valid while records arrive: new ones after it appear, none repeats", async () => {
    const from = T0 + 700_000;
    const r = { from: iso(from), to: iso(from + 100_000) };
    await world.produce(Array.from({ length: 20 }, (_, i) => ({ ds: 0, v: 5000 + i, t: from + i * 1000 })));
    const first = await page({ ...r, pageSize: 10 });
    expect(first.items.map((x) => x.result)).toEqual(Array.from({ length: 10 }, (_, i) => 5000 + i));
    // More arrive, some before the cursor's record (a late client, within the margin), some after it.
    await world.produce([
      { ds: 0, v: 6000, t: from + 2_500 },
      { ds: 0, v: 6001, t: from + 30_000 },
    ]);
    const rest: unknown[] = [];
    for (let p = first; p.next; ) {
      p = await page({ ...r, pageSize: 10, cursor: p.next });
      rest.push(...p.items.map((x) => x.result));
    }
    expect(rest).toEqual([...Array.from({ length: 10 }, (_, i) => 5010 + i), 6001]);
  });

  it("seeks to a time, filters by value, and counts exactly when the range fits a page", async () => {
    const seek = await page({ ...range, pageSize: 5, at: iso(T0 + 100_000) });
    expect(seek.items.map((x) => x.time)).toEqual(
      [100, 101, 102, 103, 104].map((s) => new Date(T0 + s * 1000).toISOString().replace("Z", "000Z")),
    );
    expect(seek.previous).not.toBeNull();
    const measurement = world.datastreams[0]?.id;
    const filtered = await page({
      ...range,
      datastreams: measurement,
      filter: `${measurement}:100:199`,
      pageSize: 1000,
    });
    expect(filtered.items.map((x) => x.result)).toEqual(Array.from({ length: 33 }, (_, i) => 102 + 3 * i));
    expect(filtered.count).toEqual({ value: 33, exact: true });
    // Counted exactly beside the first page (from rollups and, where the rollup job has not been, raw records)…
    expect((await page({ ...range, pageSize: 10 })).count).toEqual({ value: 450, exact: true });
    // …except under a value filter, which rollups cannot apply: then an estimate, and it says so.
    const estimated = await page({ ...range, datastreams: measurement, filter: `${measurement}:0:300`, pageSize: 10 });
    expect(estimated.count.exact).toBe(false);
    expect(estimated.count.value).toBeGreaterThan(10);
  });

  it("lets an auditor read, and writes who read what to the audit log", async () => {
    const auditor = await seedMember(world.company.id, world.admin, "auditor");
    const p = await page({ ...range, pageSize: 3 }, auditor.actor);
    expect(p.items).toHaveLength(3);
    const event = await db.auditEvent.findFirst({
      where: { companyId: world.company.id, action: "history.query", actorId: auditor.id },
      orderBy: { at: "desc" },
    });
    expect(event?.after).toMatchObject({
      datastreams: world.datastreams.map((d) => d.fullName),
      from: range.from,
      to: range.to,
      records: 3,
    });
  });

  it("refuses bad input with a clear 4xx, never a read", async () => {
    expect(await refusal({ from: range.to, to: range.from })).toMatchObject({
      code: "validation",
      message: expect.stringMatching(/"to" .* must be after "from"/),
    });
    expect(await refusal({ from: "yesterday", to: "now" })).toMatchObject({
      message: expect.stringMatching(/"from" must be an ISO-8601 instant/),
    });
    expect(await refusal({ from: "1990-01-01T00:00:00Z", to: "2090-01-01T00:00:00Z" })).toMatchObject({
      message: expect.stringMatching(/spans about 100 years/),
    });
    expect(await refusal({ ...range, pageSize: 1_000_000_000 })).toMatchObject({
      message: expect.stringMatching(/pageSize must be at most 1000/),
    });
    expect(await refusal({ ...range, datastreams: "01900000-0000-7000-8000-0000000000aa" })).toEqual({
      code: "not_found",
      message: "Datastream not found",
    });
    expect(await refusal({ ...range, datastreams: "not-an-id" })).toMatchObject({ code: "not_found" });
    const stranger = await seedCompany();
    expect(await refusal({ ...range }, stranger.admin.actor)).toMatchObject({ code: "not_found" });
    const first = await page({ ...range, pageSize: 5 });
    const tampered = `${first.next?.slice(0, -2)}${first.next?.endsWith("A") ? "B" : "A"}A`;
    expect(await refusal({ ...range, cursor: tampered })).toMatchObject({
      code: "validation",
      message: expect.stringMatching(/Invalid cursor/),
    });
    expect(await refusal({ ...range, to: iso(T0 + 480_501), cursor: first.next })).toMatchObject({
      message: expect.stringMatching(/belongs to a different query/),
    });
    expect(await refusal({ ...range, pattern: "*" })).toMatchObject({ message: /not both/ });
    expect(await refusal({ ...range, filter: "x:1:2" })).toMatchObject({ message: /Invalid filter/ });
    expect(await refusal({ ...range, bogus: 1 })).toMatchObject({ code: "validation" });
  });

  it("says when a range starts before the oldest record Kafka keeps, and from when data exists", async () => {
    const before = await page({ from: iso(T0 - 3_600_000), to: iso(T0 + 60_000), pageSize: 5 });
    expect(before.retention).toEqual({ oldest: null, truncated: false }); // nothing deleted yet
    // Retention deletes the oldest records (here by hand): the first 30 of each partition.
    const topic = world.datastreams[0]?.topic as string;
    await world.kafka.admin.kafkajs.deleteTopicRecords({
      topic,
      partitions: [0, 1, 2].map((partition) => ({ partition, offset: "30" })),
    });
    const after = await page({ from: iso(T0 - 3_600_000), to: iso(T0 + 600_000), pageSize: 5 });
    expect(after.retention.truncated).toBe(true);
    // Each datastream is on its own partition: its 31st record is the oldest kept; the earliest of them is ds0's.
    expect(after.retention.oldest).toBe(iso(T0 + 30 * 3 * 1000));
    expect(Date.parse(after.items[0]?.time ?? "")).toBe(T0 + 90_000);
  });

  it("answers a range past the end of the log with an empty page, and selects by pattern", async () => {
    const empty = await page({ from: "2031-01-01T00:00:00Z", to: "2031-01-02T00:00:00Z" });
    expect(empty).toMatchObject({ items: [], next: null, previous: null, count: { value: 0, exact: true } });
    const byPattern = await queryTrace({
      actor: world.admin.actor,
      companyId: world.company.id,
      query: { pattern: `${world.system.name}.*`, ...range, pageSize: 1 },
    });
    expect(byPattern.datastreams.map((d) => d.id).sort()).toEqual(world.datastreams.map((d) => d.id).sort());
  });
});
