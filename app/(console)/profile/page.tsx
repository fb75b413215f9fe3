import type { Metadata } from "next";
import { AccountCard } from "@/components/profile/account-card";
import { ApiTokensCard, type TokenRow } from "@/components/profile/api-tokens-card";
import { PasswordCard } from "@/components/profile/password-card";
import { PageHeader } from "@/components/ui/page-header";
import { listApiTokens } from "@/lib/api-tokens/list-api-tokens";
import { userActor } from "@/lib/authz/actor";
import { env } from "@/lib/env";
import { requirePageUser } from "@/lib/pages/session";
import { profilePath } from "@/lib/ui/console-paths";
import {
  changePasswordAction,
  createApiTokenAction,
  revokeApiTokenAction,
  signOutOtherSessionsAction,
  updateProfileAction,
} from "./actions";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage() {
  const user = await requirePageUser(profilePath);
  const now = new Date();
  const tokens: TokenRow[] = (await listApiTokens({ actor: userActor(user) })).map((t) => ({
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    createdAt: t.createdAt,
    lastUsedAt: t.lastUsedAt,
    expiresAt: t.expiresAt,
    status: t.revokedAt ? "revoked" : t.expiresAt && t.expiresAt <= now ? "expired" : "active",
  }));
  return (
    <>
      <PageHeader title="Your profile" description={user.email} />
      <div className="space-y-6">
        <div className="grid gap-6 lg:grid-cols-2">
          <AccountCard name={user.name} email={user.email} update={updateProfileAction} />
          <PasswordCard change={changePasswordAction} signOutOthers={signOutOtherSessionsAction} />
        </div>
        <ApiTokensCard
          tokens={tokens}
          origin={new URL(env.NEXTAUTH_URL).origin}
          create={createApiTokenAction}
          revoke={revokeApiTokenAction}
        />
      </div>
    </>
  );
}
