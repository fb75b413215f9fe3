"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/run-action";
import { requireActor } from "@/lib/auth/session";
import type { RoleName } from "@/lib/authz/permissions";
import { cancelInvitation } from "@/lib/members/cancel-invitation";
import { changeMemberRole } from "@/lib/members/change-member-role";
import { inviteMember } from "@/lib/members/invite-member";
import { removeMember } from "@/lib/members/remove-member";
import type { InviteMemberInput } from "@/lib/members/schemas";
import { companyPath } from "@/lib/ui/console-paths";

export async function inviteMemberAction(companyId: string, input: InviteMemberInput) {
  return runAction(async () => {
    const invitation = await inviteMember({ actor: await requireActor(), companyId, input });
    revalidatePath(companyPath(companyId, "members"));
    return { email: invitation.email, role: invitation.role };
  });
}

export async function changeMemberRoleAction(companyId: string, userId: string, role: RoleName) {
  return runAction(async () => {
    const member = await changeMemberRole({ actor: await requireActor(), companyId, userId, input: { role } });
    revalidatePath(companyPath(companyId, "members"));
    return { email: member.user.email, role: member.role };
  });
}

export async function removeMemberAction(companyId: string, userId: string) {
  return runAction(async () => {
    const removed = await removeMember({ actor: await requireActor(), companyId, userId });
    revalidatePath(companyPath(companyId, "members"));
    return removed;
  });
}

export async function cancelInvitationAction(companyId: string, invitationId: string) {
  return runAction(async () => {
    const cancelled = await cancelInvitation({ actor: await requireActor(), companyId, invitationId });
    revalidatePath(companyPath(companyId, "members"));
    return cancelled;
  });
}
