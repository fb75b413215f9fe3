import { describe, expect, it } from "vitest";
import { TEST_PASSWORD, uniq } from "@/test/seed";
import { verifyCredentials } from "../auth/verify-credentials";
import { db } from "../db/client";
import { AppError } from "../errors";
import { signUp } from "./sign-up";

describe("sign-up and sign-in against PostgreSQL", () => {
  it("stores a slow hash, never the password, and signs in with the right password only", async () => {
    const email = `${uniq("u")}@Example.TEST`;
    const user = await signUp({ name: "Grace", email, password: TEST_PASSWORD });
    expect(user.email).toBe(email.toLowerCase());
    expect(user).not.toHaveProperty("passwordHash");

    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(stored.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(stored.passwordHash).not.toContain(TEST_PASSWORD);

    expect(await verifyCredentials({ email: email.toUpperCase(), password: TEST_PASSWORD })).toMatchObject({
      id: user.id,
    });
    expect(await verifyCredentials({ email, password: "wrong password" })).toBeNull();
    expect(await verifyCredentials({ email: `${uniq("nobody")}@example.test`, password: TEST_PASSWORD })).toBeNull();
    expect(await verifyCredentials({ email: "not an email", password: "" })).toBeNull();

    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "user.sign-up", targetId: user.id } });
    expect(JSON.stringify(audit.after)).not.toContain("passwordHash");
  });

  it("refuses a second account with the same email, whatever its case", async () => {
    const email = `${uniq("u")}@example.test`;
    await signUp({ name: "One", email, password: TEST_PASSWORD });
    await expect(signUp({ name: "Two", email: email.toUpperCase(), password: TEST_PASSWORD })).rejects.toMatchObject({
      code: "conflict",
      fieldErrors: { email: ["An account with this email exists already"] },
    });
  });

  it("refuses malformed input with a message per field", async () => {
    const error = await signUp({ name: "", email: "nope", password: "short" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fieldErrors).toMatchObject({
      name: ["Required"],
      email: ["Enter an email address such as ada@example.com"],
      password: ["At least 10 characters"],
    });
  });
});
