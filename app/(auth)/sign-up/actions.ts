"use server";
import { runAction } from "@/lib/actions/run-action";
import type { SignUpInput } from "@/lib/users/schemas";
import { signUp } from "@/lib/users/sign-up";

export async function signUpAction(input: SignUpInput) {
  return runAction(async () => {
    const user = await signUp(input);
    return { email: user.email };
  });
}
