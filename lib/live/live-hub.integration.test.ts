// The live path on the real broker, through two console processes: records a client produces reach the sockets
// that follow their datastream, authorized per datastream, bounded per socket, with gaps filled after a reconnect.
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ask, watchLive } from "@/test/live-socket";
import { seedLiveWorld } from "@/test/live-world";
import { joinCompany, seedCompany, seedMember, seedUser } from "@/test/seed";
import { connectSocket, type SocketConsole, sessionCookie, startSocketConsole } from "@/test/socket-consoles";
import { removeMember } from "../members/remove-member";
import { signOutOtherSessions } from "../users/sign-out-other-sessions";
import type { LiveRecord, LiveStreamInfo } from "./live-protocol";

let a: SocketConsole;
let b: SocketConsole;
let world: Awaited<ReturnType<typeof seedLiveWorld>>;
const open: Socket[] = [];

async function connect(url: string, userId: string, epoch = 0) {
  const socket = await connectSocket(url, await sessionCookie(userId, epoch));
  open.push(socket);
  return socket;
}

const stream = () => `ds:${world.datastream.id}`;
const offsets = (records: LiveRecord[]) => records.map((r) => `${r.p}:${r.o}`);

beforeAll(async () => {
  // A small outbox on console b, so a stalled socket overflows it quickly.
  [a, b] = await Promise.all([startSocketConsole(), startSocketConsole({ RHEI_LIVE_MAX_QUEUED_FRAMES: "20" })]);
  world = await seedLiveWorld();
}, 60_000);

afterAll(async () => {
  for (const s of open) s.close();
  await Promise.all([a?.stop(), b?.stop()]);
  await world?.cleanup();
});

describe("live data through Socket.IO", () => {
  it("delivers produced records to every socket following the datastream, in order, once", async () => {
    const operator = await seedMember(world.company.id, world.admin, "operator");
    const [onA, onB] = [await connect(a.url, operator.id), await connect(b.url, world.admin.id)];
    const [viewA, viewB] = [watchLive(onA), watchLive(onB)];
    const answer = await ask<{ streams: LiveStreamInfo[] }>(onA, "live:subscribe", {
      target: { datastreamId: world.datastream.id },
    });
    expect(answer).toMatchObject({
      ok: true,
      data: { streams: [{ key: stream(), name: world.datastream.fullName, unit: { symbol: "degC" } }] },
    });
    expect((await ask(onB, "live:subscribe", { target: { pattern: `${world.system.name}.*.*` } })).ok).toBe(true);
    await world.produce(50);
    await expect.poll(() => viewA.values(stream()).length, { timeout: 15_000 }).toBe(50);
    await expect.poll(() => viewB.values(stream()).length, { timeout: 15_000 }).toBe(50);
    expect(viewA.values(stream())).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(new Set(offsets(viewB.records.get(stream()) ?? [])).size).toBe(50);
    expect(viewA.statuses.at(-1)).toMatchObject({ stream: stream(), state: "live" });
  });

  it("gives nothing of a foreign room to another company, its auditor, a removed member or a voided session", async () => {
    const stranger = await seedCompany();
    const auditor = await seedMember(stranger.company.id, stranger.admin, "auditor");
    const removed = await seedMember(world.company.id, world.admin, "engineer");
    await removeMember({ actor: world.admin.actor, companyId: world.company.id, userId: removed.id });
    const voided = await seedMember(world.company.id, world.admin, "operator");
    await signOutOtherSessions({ actor: voided.actor });
    await expect(connect(a.url, voided.id, 0)).rejects.toThrow("unauthenticated");
    for (const user of [stranger.admin, auditor, removed]) {
      const socket = await connect(a.url, user.id);
      const view = watchLive(socket);
      const byId = await ask(socket, "live:subscribe", { target: { datastreamId: world.datastream.id } });
      const unknown = await ask(socket, "live:subscribe", {
        target: { datastreamId: "01900000-0000-7000-8000-0000000000aa" },
      });
      // Another company's datastream answers exactly like one that does not exist.
      expect(byId).toMatchObject({ ok: false, error: { code: "not_found", message: "Datastream not found" } });
      expect(unknown).toMatchObject({ ok: false, error: { code: "not_found", message: "Datastream not found" } });
      const byPattern = await ask<{ streams: unknown[] }>(socket, "live:subscribe", { target: { pattern: "*" } });
      expect(byPattern).toMatchObject({
        ok: true,
        data: { streams: expect.not.arrayContaining([expect.objectContaining({ key: stream() })]) },
      });
      const incoming = await ask(socket, "live:subscribe", { target: { incomingOf: world.system.id } });
      expect(incoming).toMatchObject({ ok: false, error: { code: "not_found" } });
      await world.produce(3, 1000);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(view.records.get(stream())).toBeUndefined();
    }
  });

  it("drops a member's streams within a second of their removal, in another process than the change", async () => {
    const member = await seedMember(world.company.id, world.admin, "operator");
    const socket = await connect(b.url, member.id);
    const view = watchLive(socket);
    expect((await ask(socket, "live:subscribe", { target: { datastreamId: world.datastream.id } })).ok).toBe(true);
    await removeMember({ actor: world.admin.actor, companyId: world.company.id, userId: member.id });
    await expect.poll(() => view.revoked, { timeout: 1000, interval: 50 }).toEqual([stream()]);
    await world.produce(5, 2000);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(view.values(stream()).filter((v) => (v as number) >= 2000)).toEqual([]);
    // Rejoined, the member may follow it again.
    await joinCompany(world.admin.actor, world.company.id, member, "operator");
    expect((await ask(socket, "live:subscribe", { target: { datastreamId: world.datastream.id } })).ok).toBe(true);
  });

  it("does not let a socket that stops reading delay another; the slow one is told what it missed", async () => {
    const fast = await connect(b.url, world.admin.id);
    const slow = await connect(b.url, world.admin.id);
    const [fastView, slowView] = [watchLive(fast), watchLive(slow)];
    for (const s of [fast, slow])
      expect((await ask(s, "live:subscribe", { target: { datastreamId: world.datastream.id } })).ok).toBe(true);
    // The slow browser stops reading its connection: the server's writes back up in TCP, then in its outbox.
    const tcp = (slow.io.engine.transport as unknown as { ws: { _socket: { pause(): void; resume(): void } } }).ws
      ._socket;
    tcp.pause();
    const total = 600;
    const padding = "x".repeat(16 * 1024);
    const base = Date.now();
    for (let i = 0; i < total; i++) {
      await world.producer.produce(world.datastream.fullName, 10_000 + i, {
        phenomenonTime: new Date(base + i).toISOString(),
        attributes: { padding },
      });
      if (i % 2 === 1) await world.producer.flush();
    }
    await world.producer.flush();
    const fastValues = () => fastView.values(stream()).filter((v) => (v as number) >= 10_000);
    await expect.poll(() => fastValues().length, { timeout: 60_000 }).toBe(total);
    // Everything reached the fast socket while the slow one was still stalled.
    expect(slowView.values(stream()).filter((v) => (v as number) >= 10_000).length).toBeLessThan(total);
    tcp.resume();
    const slowValues = () => slowView.values(stream()).filter((v) => (v as number) >= 10_000);
    const missed = () => slowView.missed.filter((m) => m.stream === stream()).reduce((n, m) => n + m.records, 0);
    await expect.poll(() => slowValues().length + missed(), { timeout: 60_000 }).toBe(total);
    expect(missed()).toBeGreaterThan(0);
    expect(slowView.missed.every((m) => m.reason === "slow-connection")).toBe(true);
    // What it got is in order, and newer than what it missed (the oldest frames went).
    const got = slowValues() as number[];
    expect(got).toEqual([...got].sort((x, y) => x - y));
    expect(fastValues()).toEqual(Array.from({ length: total }, (_, i) => 10_000 + i));
  }, 120_000);

  it("fills the gap after a reconnect: records produced while away arrive, none twice", async () => {
    const first = await connect(a.url, world.admin.id);
    const view = watchLive(first);
    expect((await ask(first, "live:subscribe", { target: { datastreamId: world.datastream.id } })).ok).toBe(true);
    await world.produce(10, 20_000);
    await expect
      .poll(() => view.values(stream()).filter((v) => (v as number) >= 20_000).length, { timeout: 15_000 })
      .toBe(10);
    // What the browser keeps: per partition, the next offset it needs.
    const resume: Record<string, string> = {};
    for (const r of view.records.get(stream()) ?? []) {
      const next = String(BigInt(r.o) + 1n);
      if (!resume[r.p] || BigInt(resume[r.p] as string) < BigInt(next)) resume[String(r.p)] = next;
    }
    first.close();
    await world.produce(15, 20_010);
    const again = await connect(b.url, world.admin.id);
    const after = watchLive(again);
    expect(
      (
        await ask(again, "live:subscribe", {
          target: { datastreamId: world.datastream.id },
          resume: { [stream()]: resume },
        })
      ).ok,
    ).toBe(true);
    await world.produce(5, 20_025);
    const mine = () => after.values(stream()).filter((v) => (v as number) >= 20_010);
    await expect.poll(() => mine().length, { timeout: 15_000 }).toBe(20);
    expect(mine()).toEqual(Array.from({ length: 20 }, (_, i) => 20_010 + i));
    expect(after.frames.some((f) => f.backfill)).toBe(true);
    const seen = offsets(after.records.get(stream()) ?? []);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("refuses malformed subscriptions with a message naming the problem", async () => {
    const user = await seedUser();
    const socket = await connect(a.url, user.id);
    expect(await ask(socket, "live:subscribe", { target: { datastreamId: "nope" } })).toMatchObject({
      ok: false,
      error: { code: "validation", message: expect.stringMatching(/a datastream id/) },
    });
    expect(await ask(socket, "live:subscribe", { target: { pattern: "a.**.b" } })).toMatchObject({
      ok: false,
      error: { code: "validation", message: expect.stringMatching(/malformed/) },
    });
    expect(await ask(socket, "live:subscribe", { target: {} })).toMatchObject({
      ok: false,
      error: { code: "validation" },
    });
    expect(socket.connected).toBe(true);
  });
});
