"use server";
import { headers } from "next/headers";
import { runAction } from "@/lib/actions/run-action";
import { clientAddressOf } from "@/lib/auth/throttle";
import type { SignUpInput } from "@/lib/users/schemas";
import { signUp } from "@/lib/users/sign-up";

export async function signUpAction(input: SignUpInput) {
  return runAction(async () => {
    const user = await signUp(input, { client: clientAddressOf(await headers()) });
    return { email: user.email };
  });
}
