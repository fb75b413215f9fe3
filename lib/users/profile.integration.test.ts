import { describe, expect, it } from "vitest";
import * as companiesRoute from "@/app/api/v1/companies/route";
import { callApi } from "@/test/call-api";
import { seedUser, TEST_PASSWORD } from "@/test/seed";
import { authenticateToken } from "../api-tokens/authenticate-token";
import { createApiToken } from "../api-tokens/create-api-token";
import { listApiTokens } from "../api-tokens/list-api-tokens";
import { revokeApiToken } from "../api-tokens/revoke-api-token";
import { tokenInputFromForm } from "../api-tokens/schemas";
import { currentSessionUser } from "../auth/current-session-user";
import { verifyCredentials } from "../auth/verify-credentials";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { changePassword } from "./change-password";
import { signOutOtherSessions } from "./sign-out-other-sessions";
import { updateProfile } from "./update-profile";

const fieldErrorsOf = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e) => e.fieldErrors ?? e.code,
  );

describe("the profile: name, password and personal API tokens", () => {
  it("renames the user, audited with before and after; a token may not", async () => {
    const user = await seedUser("Ada");
    const updated = await updateProfile({ actor: user.actor, input: { name: "  Ada Lovelace " } });
    expect(updated).toEqual({ id: user.id, email: user.email, name: "Ada Lovelace" });
    const events = await db.auditEvent.findMany({ where: { targetId: user.id, action: "user.update-profile" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ companyId: null, before: { name: "Ada" }, after: { name: "Ada Lovelace" } });
    // The same name again changes nothing and writes nothing.
    await updateProfile({ actor: user.actor, input: { name: "Ada Lovelace" } });
    expect(await db.auditEvent.count({ where: { targetId: user.id, action: "user.update-profile" } })).toBe(1);

    expect(await fieldErrorsOf(updateProfile({ actor: user.actor, input: { name: " " } }))).toEqual({
      name: ["Required"],
    });
    const tokenActor: Actor = { type: "token", userId: user.id, tokenId: user.id, label: "t" };
    expect(await fieldErrorsOf(updateProfile({ actor: tokenActor, input: { name: "Eve" } }))).toBe("forbidden");
  });

  it("changes the password only with the current one, by the shared rules, audited without secrets", async () => {
    const user = await seedUser();
    const next = "a much longer passphrase";
    const attempt = (input: Record<string, string>) =>
      fieldErrorsOf(
        changePassword({
          actor: user.actor,
          input: { currentPassword: TEST_PASSWORD, newPassword: next, confirmPassword: next, ...input },
        }),
      );
    expect(await attempt({ currentPassword: "wrong password!" })).toEqual({ currentPassword: ["Wrong password"] });
    expect(await attempt({ newPassword: "short", confirmPassword: "short" })).toEqual({
      newPassword: ["At least 10 characters"],
    });
    expect(await attempt({ confirmPassword: "something else" })).toEqual({
      confirmPassword: ["Does not match the new password"],
    });
    expect(await attempt({ newPassword: TEST_PASSWORD, confirmPassword: TEST_PASSWORD })).toEqual({
      newPassword: ["Choose a password other than the current one"],
    });
    expect(await verifyCredentials({ email: user.email, password: TEST_PASSWORD })).not.toBeNull();

    expect(await attempt({})).toBeNull();
    expect(await verifyCredentials({ email: user.email, password: TEST_PASSWORD })).toBeNull();
    expect(await verifyCredentials({ email: user.email, password: next })).toMatchObject({ id: user.id });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { targetId: user.id, action: "user.change-password" },
    });
    expect(JSON.stringify(event)).not.toMatch(/scrypt|passphrase|horse/);

    const tokenActor: Actor = { type: "token", userId: user.id, tokenId: user.id, label: "t" };
    expect(
      await fieldErrorsOf(
        changePassword({
          actor: tokenActor,
          input: { currentPassword: next, newPassword: "x".repeat(12), confirmPassword: "x".repeat(12) },
        }),
      ),
    ).toBe("forbidden");
  });

  it("a password change and 'sign out other sessions' void the sessions signed before; API tokens stay", async () => {
    const user = await seedUser();
    const signedIn = await verifyCredentials({ email: user.email, password: TEST_PASSWORD });
    expect(signedIn?.sessionEpoch).toBe(0);
    expect(await currentSessionUser(user.id, signedIn?.sessionEpoch)).toMatchObject({ id: user.id });
    expect(await currentSessionUser(user.id, undefined)).toMatchObject({ id: user.id }); // sessions from before epochs
    const { token } = await createApiToken({ actor: user.actor, input: { name: "kept" } });

    const next = "a much longer passphrase";
    const changed = await changePassword({
      actor: user.actor,
      input: { currentPassword: TEST_PASSWORD, newPassword: next, confirmPassword: next },
    });
    expect(changed.sessionEpoch).toBe(1);
    expect(await currentSessionUser(user.id, 0)).toBeNull();
    expect(await currentSessionUser(user.id, undefined)).toBeNull();
    expect(await currentSessionUser(user.id, 1)).toMatchObject({ id: user.id });
    expect(await verifyCredentials({ email: user.email, password: next })).toMatchObject({ sessionEpoch: 1 });
    expect(await authenticateToken(token)).toMatchObject({ type: "token", userId: user.id });

    expect(await signOutOtherSessions({ actor: user.actor })).toEqual({ sessionEpoch: 2 });
    expect(await currentSessionUser(user.id, 1)).toBeNull();
    expect(await currentSessionUser(user.id, 2)).toMatchObject({ id: user.id });
    expect(await db.auditEvent.count({ where: { targetId: user.id, action: "user.sign-out-other-sessions" } })).toBe(1);
    const tokenActor: Actor = { type: "token", userId: user.id, tokenId: user.id, label: "t" };
    await expect(signOutOtherSessions({ actor: tokenActor })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("creates tokens with the profile page's lifetimes, lists them without hashes, and revokes them", async () => {
    const user = await seedUser();
    const before = Date.now();
    const thirty = await createApiToken({ actor: user.actor, input: tokenInputFromForm({ name: "ci", expiry: "30" }) });
    const forever = await createApiToken({
      actor: user.actor,
      input: tokenInputFromForm({ name: "laptop", expiry: "never" }),
    });
    expect(thirty.token).toMatch(/^rhei_pat_[A-Za-z0-9_-]{43}$/);
    const days = ((thirty.apiToken.expiresAt?.getTime() ?? 0) - before) / 86_400_000;
    expect(days).toBeGreaterThan(29.99);
    expect(days).toBeLessThan(30.01);
    expect(forever.apiToken.expiresAt).toBeNull();

    const listed = await listApiTokens({ actor: user.actor });
    expect(listed.map((t) => t.name)).toEqual(["laptop", "ci"]);
    expect(listed[1]).not.toHaveProperty("tokenHash");
    expect(thirty.token.startsWith(listed[1]?.prefix ?? "?")).toBe(true);
    expect(JSON.stringify(listed)).not.toContain(thirty.token);

    // The token works with the API as its user, and records when it was used.
    const ok = await callApi(companiesRoute.GET, "GET", { token: thirty.token });
    expect(ok.status).toBe(200);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: thirty.apiToken.id } })).lastUsedAt).not.toBeNull();

    // Only its owner can revoke it; afterwards it is refused.
    const other = await seedUser();
    expect(await fieldErrorsOf(revokeApiToken({ actor: other.actor, tokenId: thirty.apiToken.id }))).toBe("not_found");
    await revokeApiToken({ actor: user.actor, tokenId: thirty.apiToken.id });
    expect(await authenticateToken(thirty.token)).toBeNull();
    expect((await callApi(companiesRoute.GET, "GET", { token: thirty.token })).status).toBe(401);
    expect(await authenticateToken(forever.token)).toMatchObject({ type: "token", userId: user.id });

    // An expired token is refused like a revoked one.
    await db.apiToken.update({ where: { id: forever.apiToken.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await authenticateToken(forever.token)).toBeNull();

    // A token cannot mint tokens.
    const asToken: Actor = { type: "token", userId: user.id, tokenId: forever.apiToken.id, label: "t" };
    expect(await fieldErrorsOf(createApiToken({ actor: asToken, input: { name: "x" } }))).toBe("forbidden");
    const actions = await db.auditEvent.findMany({
      where: { actorId: user.id, targetType: "api-token" },
      orderBy: { at: "asc" },
    });
    expect(actions.map((e) => e.action)).toEqual(["api-token.create", "api-token.create", "api-token.revoke"]);
  });
});
