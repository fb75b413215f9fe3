// Replay over Socket.IO on the real broker, through a console process: several datastreams merged in
// phenomenon-time order, paused and resumed, sought; users replaying different ranges get their own records;
// authorized per datastream; bad requests answered with an error naming the problem.
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedHistoryWorld } from "@/test/history-world";
import { ask } from "@/test/live-socket";
import { seedCompany, seedMember } from "@/test/seed";
import { connectSocket, type SocketConsole, sessionCookie, startSocketConsole } from "@/test/socket-consoles";
import { db } from "../db/client";
import type { LiveRecord } from "./live-protocol";
import type { ReplayFrame, ReplayStarted, ReplayStatus } from "./replay-protocol";

let console1: SocketConsole;
let world: Awaited<ReturnType<typeof seedHistoryWorld>>;
const open: Socket[] = [];
const T0 = Math.floor((Date.now() - 2 * 3_600_000) / 1000) * 1000;
const iso = (t: number) => new Date(t).toISOString();
const N = 900;

async function connect(userId: string) {
  const socket = await connectSocket(console1.url, await sessionCookie(userId));
  open.push(socket);
  return socket;
}

/** What a socket gets of replays: records per replay and stream, in arrival order, and status lines. */
function watchReplays(socket: Socket) {
  const records = new Map<string, (LiveRecord & { stream: string })[]>();
  const statuses: ReplayStatus[] = [];
  socket.on("replay:frame", (bytes: ArrayBuffer) => {
    const frame = JSON.parse(Buffer.from(bytes).toString("utf8")) as ReplayFrame;
    records.set(frame.replayId, [
      ...(records.get(frame.replayId) ?? []),
      ...frame.records.map((r) => ({ ...r, stream: frame.stream })),
    ]);
  });
  socket.on("replay:status", (s: ReplayStatus) => statuses.push(s));
  return {
    records: (id: string) => records.get(id) ?? [],
    last: (id: string) => statuses.filter((s) => s.replayId === id).at(-1),
    statuses,
  };
}

beforeAll(async () => {
  [console1, world] = await Promise.all([startSocketConsole(), seedHistoryWorld({ kinds: ["Measurement", "Truth"] })]);
  await world.produce(
    Array.from({ length: N }, (_, i) => ({ ds: i % 2, v: i % 2 === 0 ? i : i % 4 === 1, t: T0 + i * 100 })),
  );
}, 90_000);

afterAll(async () => {
  for (const s of open) s.close();
  await console1?.stop();
  await world?.cleanup();
});

const ids = () => world.datastreams.map((d) => d.id);

describe("replay over Socket.IO", () => {
  it("plays several datastreams merged in phenomenon-time order, every record once, and says when it ended", async () => {
    const auditor = await seedMember(world.company.id, world.admin, "auditor");
    const socket = await connect(auditor.id);
    const view = watchReplays(socket);
    const started = await ask<ReplayStarted>(socket, "replay:start", {
      datastreamIds: ids(),
      from: iso(T0),
      to: iso(T0 + N * 100),
      speed: "max",
    });
    if (!started.ok) throw new Error(started.error.message);
    expect(started.data.streams.map((s) => s.key)).toEqual(ids().map((id) => `ds:${id}`));
    const id = started.data.replayId;
    await expect.poll(() => view.last(id)?.state, { timeout: 20_000 }).toBe("ended");
    const got = view.records(id);
    expect(got).toHaveLength(N);
    expect(new Set(got.map((r) => `${r.p}:${r.o}`)).size).toBe(N);
    for (const stream of new Set(got.map((r) => r.stream))) {
      const times = got.filter((r) => r.stream === stream).map((r) => r.t);
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
    expect(view.last(id)).toMatchObject({ records: N, position: T0 + N * 100 });
    const audit = await db.auditEvent.findFirst({ where: { action: "history.replay", actorId: auditor.id } });
    await expect
      .poll(async () => (await db.auditEvent.findUnique({ where: { id: audit?.id ?? "" } }))?.after)
      .toMatchObject({ status: "ended", records: N, speed: "max" });
  });

  it("pauses at 100×: nothing past the paused position arrives until it resumes, then the rest", async () => {
    const socket = await connect(world.admin.id);
    const view = watchReplays(socket);
    const started = await ask<ReplayStarted>(socket, "replay:start", {
      datastreamIds: ids(),
      from: iso(T0),
      to: iso(T0 + N * 100),
      speed: "100",
    });
    if (!started.ok) throw new Error(started.error.message);
    const id = started.data.replayId;
    await expect.poll(() => view.records(id).length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect((await ask(socket, "replay:control", { replayId: id, action: "pause" })).ok).toBe(true);
    await expect.poll(() => view.last(id)?.state).toBe("paused");
    const paused = view.last(id) as ReplayStatus;
    const before = view.records(id).length;
    expect(before).toBeLessThan(N);
    expect(Math.max(...view.records(id).map((r) => r.t))).toBeLessThanOrEqual(paused.position);
    expect((await ask(socket, "replay:control", { replayId: id, action: "resume" })).ok).toBe(true);
    await expect.poll(() => view.last(id)?.state, { timeout: 20_000 }).toBe("ended");
    expect(view.records(id)).toHaveLength(N);
  });

  it("seeks, and keeps two users' replays of different ranges apart", async () => {
    const operator = await seedMember(world.company.id, world.admin, "operator");
    const [a, b] = [await connect(world.admin.id), await connect(operator.id)];
    const [viewA, viewB] = [watchReplays(a), watchReplays(b)];
    const [ra, rb] = await Promise.all([
      ask<ReplayStarted>(a, "replay:start", {
        datastreamIds: ids(),
        from: iso(T0),
        to: iso(T0 + 30_000),
        speed: "max",
      }),
      ask<ReplayStarted>(b, "replay:start", {
        datastreamIds: [ids()[0]],
        from: iso(T0 + 60_000),
        to: iso(T0 + N * 100),
        speed: "1",
      }),
    ]);
    if (!ra.ok || !rb.ok) throw new Error("refused");
    // B plays at 1×: seek it to its last ten seconds, then at max to the end.
    expect(
      (await ask(b, "replay:control", { replayId: rb.data.replayId, action: "seek", at: iso(T0 + 80_000) })).ok,
    ).toBe(true);
    await expect.poll(() => viewB.statuses.some((s) => s.sought)).toBe(true);
    await ask(b, "replay:control", { replayId: rb.data.replayId, action: "speed", speed: "max" });
    await expect.poll(() => viewA.last(ra.data.replayId)?.state, { timeout: 20_000 }).toBe("ended");
    await expect.poll(() => viewB.last(rb.data.replayId)?.state, { timeout: 20_000 }).toBe("ended");
    expect(viewA.records(ra.data.replayId)).toHaveLength(300);
    expect(viewA.records(rb.data.replayId)).toEqual([]); // nothing of B's replay reaches A
    const afterSeek = viewB.records(rb.data.replayId).filter((r) => r.t >= T0 + 80_000);
    expect(afterSeek.map((r) => r.t)).toEqual(Array.from({ length: 50 }, (_, i) => T0 + 80_000 + i * 200));
  });

  it("authorizes every datastream and refuses bad requests, leaving the socket usable", async () => {
    const stranger = await seedCompany();
    const socket = await connect(stranger.admin.id);
    const range = { from: iso(T0), to: iso(T0 + 1000) };
    expect(await ask(socket, "replay:start", { datastreamIds: ids(), ...range })).toMatchObject({
      ok: false,
      error: { code: "not_found", message: "Datastream not found" },
    });
    expect(await ask(socket, "replay:start", { datastreamIds: ["nope"], ...range })).toMatchObject({
      ok: false,
      error: { code: "validation", message: expect.stringMatching(/a datastream id/) },
    });
    expect(await ask(socket, "replay:start", { datastreamIds: ids(), from: range.to, to: range.from })).toMatchObject({
      ok: false,
      error: { code: "validation" },
    });
    expect(
      await ask(socket, "replay:control", { replayId: "01900000-0000-7000-8000-0000000000aa", action: "pause" }),
    ).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await ask(socket, "ping", {})).toMatchObject({ ok: true });
    const own = await connect(world.admin.id);
    const long = { datastreamIds: ids(), from: iso(T0), to: iso(T0 + N * 100), speed: "1" };
    for (let i = 0; i < 3; i++) expect((await ask(own, "replay:start", long)).ok).toBe(true);
    expect(await ask(own, "replay:start", long)).toMatchObject({ ok: false, error: { message: /at most 3 replays/ } });
  });
});
