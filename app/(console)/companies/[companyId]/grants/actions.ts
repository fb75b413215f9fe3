"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/run-action";
import { requireActor } from "@/lib/auth/session";
import { answerGrant } from "@/lib/grants/answer-grant";
import { offerGrant } from "@/lib/grants/offer-grant";
import { revokeGrant } from "@/lib/grants/revoke-grant";
import type { OfferGrantInput } from "@/lib/grants/schemas";
import { companyPath, grantPath } from "@/lib/ui/console-paths";

export async function offerGrantAction(companyId: string, input: OfferGrantInput & { systemId: string }) {
  return runAction(async () => {
    const { systemId, ...rest } = input;
    const grant = await offerGrant({ actor: await requireActor(), systemId, input: rest });
    revalidatePath(companyPath(companyId, "grants"));
    return { id: grant.id, href: grantPath(companyId, grant.id) };
  });
}

export async function answerGrantAction(companyId: string, grantId: string, accept: boolean) {
  return runAction(async () => {
    const grant = await answerGrant({ actor: await requireActor(), grantId, input: { accept } });
    revalidatePath(grantPath(companyId, grantId));
    revalidatePath(companyPath(companyId, "grants"));
    return { state: grant.state };
  });
}

export async function revokeGrantAction(companyId: string, grantId: string) {
  return runAction(async () => {
    const grant = await revokeGrant({ actor: await requireActor(), grantId });
    revalidatePath(grantPath(companyId, grantId));
    revalidatePath(companyPath(companyId, "grants"));
    return { state: grant.state };
  });
}
