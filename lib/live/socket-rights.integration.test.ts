// Open sockets follow their users' rights across console processes: two console processes (each with its own
// Socket.IO server and change-event listener), changes made in a third (this test), events through PostgreSQL.
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { seedCompany, seedMember, seedUser, TEST_PASSWORD } from "@/test/seed";
import {
  connectSocket,
  nextEvent,
  type SocketConsole,
  sessionCookie,
  startSocketConsole,
} from "@/test/socket-consoles";
import { changeMemberRole } from "../members/change-member-role";
import { removeMember } from "../members/remove-member";
import { changePassword } from "../users/change-password";
import { signOutOtherSessions } from "../users/sign-out-other-sessions";

let a: SocketConsole;
let b: SocketConsole;
const open: Socket[] = [];

async function connect(url: string, cookie: string, headers?: Record<string, string>) {
  const socket = await connectSocket(url, cookie, headers);
  open.push(socket);
  return socket;
}

beforeAll(async () => {
  [a, b] = await Promise.all([startSocketConsole(), startSocketConsole()]);
}, 60_000);

afterAll(async () => {
  for (const s of open) s.close();
  await Promise.all([a?.stop(), b?.stop()]);
});

describe("sockets follow their users' rights in every console process", () => {
  it("ends every socket of a user within a second of 'sign out other sessions', in both processes", async () => {
    const user = await seedUser("Socket Sessions");
    const cookie = await sessionCookie(user.id, 0);
    const [onA, onB] = [await connect(a.url, cookie), await connect(b.url, cookie)];
    const other = await seedUser("Bystander");
    const bystander = await connect(b.url, await sessionCookie(other.id, 0));
    const ended = [nextEvent(onA, "session:ended", 1000), nextEvent(onB, "session:ended", 1000)];
    const disconnected = [nextEvent(onA, "disconnect", 1000), nextEvent(onB, "disconnect", 1000)];
    const { sessionEpoch } = await signOutOtherSessions({ actor: user.actor });
    expect(await Promise.all(ended)).toMatchObject([{ reason: expect.stringMatching(/signed out/) }, {}]);
    expect(await Promise.all(disconnected)).toEqual(["io server disconnect", "io server disconnect"]);
    // Another user's socket stays; the new session (this browser, re-signed) connects again.
    expect(bystander.connected).toBe(true);
    const renewed = await connect(b.url, await sessionCookie(user.id, sessionEpoch));
    expect(renewed.connected).toBe(true);
    // The old cookie is refused at the handshake from now on.
    await expect(connectSocket(a.url, cookie)).rejects.toThrow("unauthenticated");
  });

  it("ends the sockets of a user whose password changed", async () => {
    const user = await seedUser("Socket Password");
    const socket = await connect(a.url, await sessionCookie(user.id, 0));
    const ended = nextEvent(socket, "session:ended", 1000);
    await changePassword({
      actor: user.actor,
      input: {
        currentPassword: TEST_PASSWORD,
        newPassword: "a new password entirely",
        confirmPassword: "a new password entirely",
      },
    });
    await expect(ended).resolves.toMatchObject({ reason: expect.stringMatching(/signed out/) });
  });

  it("re-authorizes a member's sockets within a second when removed or given another role", async () => {
    const { company, admin } = await seedCompany();
    const member = await seedMember(company.id, admin, "operator");
    const cookie = await sessionCookie(member.id, 0);
    const [onA, onB] = [await connect(a.url, cookie), await connect(b.url, cookie)];
    const roleChanged = [nextEvent(onA, "rights:changed", 1000), nextEvent(onB, "rights:changed", 1000)];
    await changeMemberRole({
      actor: admin.actor,
      companyId: company.id,
      userId: member.id,
      input: { role: "auditor" },
    });
    expect(await Promise.all(roleChanged)).toMatchObject([{ companyId: company.id }, { companyId: company.id }]);
    const removed = nextEvent(onB, "rights:changed", 1000);
    await removeMember({ actor: admin.actor, companyId: company.id, userId: member.id });
    await expect(removed).resolves.toMatchObject({ companyId: company.id });
    // Rights changed, session still good: the socket stays connected.
    expect(onB.connected).toBe(true);
  });
});

describe("socket requests", () => {
  it("refuses a WebSocket from a foreign Origin even with a valid session cookie", async () => {
    const user = await seedUser("Socket Origin");
    const cookie = await sessionCookie(user.id, 0);
    await expect(connectSocket(a.url, cookie, { origin: "https://evil.example" })).rejects.toThrow();
    const own = await connect(a.url, cookie, { origin: new URL(env.NEXTAUTH_URL).origin });
    expect(own.connected).toBe(true);
  });

  it("answers a malformed payload with an error naming the problem, and stays usable", async () => {
    const user = await seedUser("Socket Payloads");
    const socket = await connect(a.url, await sessionCookie(user.id, 0));
    const bad = await socket.timeout(2000).emitWithAck("ping", { unexpected: 1 });
    expect(bad).toMatchObject({ ok: false, error: { code: "validation", event: "ping" } });
    expect(bad.error.message).toMatch(/Invalid ping request/);
    const huge = await socket.timeout(2000).emitWithAck("ping", { x: "y".repeat(20_000) });
    expect(huge).toMatchObject({ ok: false, error: { code: "validation", message: expect.stringMatching(/at most/) } });
    const good = await socket.timeout(2000).emitWithAck("ping");
    expect(good).toMatchObject({ ok: true, data: { at: expect.any(String) } });
    // Without an acknowledgement, the error comes as an event.
    const error = nextEvent<{ error: { event: string } }>(socket, "socket:error", 2000);
    socket.emit("ping", 42);
    await expect(error).resolves.toMatchObject({ error: { event: "ping", code: "validation" } });
  });

  it("bounds a flood of requests from one socket without disconnecting it", async () => {
    const user = await seedUser("Socket Flood");
    const socket = await connect(b.url, await sessionCookie(user.id, 0));
    const answers = await Promise.all(
      Array.from(
        { length: 200 },
        () => socket.timeout(5000).emitWithAck("ping") as Promise<{ ok: boolean; error?: { code: string } }>,
      ),
    );
    const limited = answers.filter((x) => !x.ok && x.error?.code === "rate_limited").length;
    expect(limited).toBeGreaterThan(100);
    expect(answers.filter((x) => x.ok).length).toBeGreaterThanOrEqual(60);
    expect(socket.connected).toBe(true);
  });
});
