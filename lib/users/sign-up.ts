import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import { hashPassword } from "../auth/password";
import { db } from "../db/client";
import { conflict } from "../errors";
import { parseInput } from "../validation";
import { type SignUpInput, signUpSchema } from "./schemas";

export async function signUp(input: SignUpInput) {
  const data = parseInput(signUpSchema, input);
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
