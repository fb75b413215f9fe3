"use server";
import { runAction } from "@/lib/actions/run-action";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { revokeApiToken } from "@/lib/api-tokens/revoke-api-token";
import { type CreateTokenFormInput, createTokenFormSchema, tokenInputFromForm } from "@/lib/api-tokens/schemas";
import { requireActor } from "@/lib/auth/session";
import { renewSessionCookie } from "@/lib/auth/session-cookie";
import { changePassword } from "@/lib/users/change-password";
import type { ChangePasswordInput, UpdateProfileInput } from "@/lib/users/schemas";
import { signOutOtherSessions } from "@/lib/users/sign-out-other-sessions";
import { updateProfile } from "@/lib/users/update-profile";
import { parseInput } from "@/lib/validation";

export async function updateProfileAction(input: UpdateProfileInput) {
  return runAction(async () => {
    const user = await updateProfile({ actor: await requireActor(), input });
    return { name: user.name };
  });
}

export async function changePasswordAction(input: ChangePasswordInput) {
  return runAction(async () => {
    const { sessionEpoch } = await changePassword({ actor: await requireActor(), input });
    await renewSessionCookie(sessionEpoch);
    return {};
  });
}

export async function signOutOtherSessionsAction() {
  return runAction(async () => {
    const { sessionEpoch } = await signOutOtherSessions({ actor: await requireActor() });
    await renewSessionCookie(sessionEpoch);
    return {};
  });
}

/** The clear token goes back to the browser this once, to be shown and copied; only its hash is kept. */
export async function createApiTokenAction(input: CreateTokenFormInput) {
  return runAction(async () => {
    const form = parseInput(createTokenFormSchema, input);
    const { token, apiToken } = await createApiToken({ actor: await requireActor(), input: tokenInputFromForm(form) });
    return { token, name: apiToken.name, expiresAt: apiToken.expiresAt?.toISOString() ?? null };
  });
}

export async function revokeApiTokenAction(tokenId: string) {
  return runAction(async () => {
    const token = await revokeApiToken({ actor: await requireActor(), tokenId });
    return { name: token.name };
  });
}
