import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import { hashPassword } from "../auth/password";
import { throttle } from "../auth/throttle";
import { signUpLimits } from "../auth/throttle-window";
import { db } from "../db/client";
import { AppError, conflict } from "../errors";
import { parseInput } from "../validation";
import { type SignUpInput, signUpSchema } from "./schemas";

/**
 * Creates an account. From the sign-up form (`client` given: the browser's address) attempts are throttled per
 * address and per email, since the answer says whether an address is taken; seeds and tests create users directly.
 */
export async function signUp(input: SignUpInput, { client }: { client?: string } = {}) {
  const data = parseInput(signUpSchema, input);
  if (client !== undefined) {
    const limits = signUpLimits(data.email, client);
    const wait = await throttle.retryAfter(limits);
    if (wait > 0) {
      throw new AppError(
        "rate_limited",
        `Too many sign-up attempts; try again in ${Math.ceil(wait / 60_000)} minute${wait > 60_000 ? "s" : ""}`,
      );
    }
    await throttle.record(limits);
  }
  const passwordHash = await hashPassword(data.password);
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: data.email }, select: { id: true } })) {
      throw conflict("An account with this email exists already: sign in instead", {
        email: ["An account with this email exists already"],
      });
    }
    const user = await tx.user.create({
      data: { email: data.email, name: data.name, passwordHash },
      select: { id: true, email: true, name: true },
    });
    await recordAuditEvent(
      tx,
      { type: "user", userId: user.id, label: user.email },
      {
        companyId: null,
        action: "user.sign-up",
        target: { type: "user", id: user.id, label: user.email },
        after: user,
      },
    );
    return user;
  });
}
