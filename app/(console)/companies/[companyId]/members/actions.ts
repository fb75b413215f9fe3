"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/run-action";
import { requireActor } from "@/lib/auth/session";
import type { RoleName } from "@/lib/authz/permissions";
import { addMember } from "@/lib/members/add-member";
import { changeMemberRole } from "@/lib/members/change-member-role";
import { removeMember } from "@/lib/members/remove-member";
import type { AddMemberInput } from "@/lib/members/schemas";
import { companyPath } from "@/lib/ui/console-paths";

export async function addMemberAction(companyId: string, input: AddMemberInput) {
  return runAction(async () => {
    const member = await addMember({ actor: await requireActor(), companyId, input });
    revalidatePath(companyPath(companyId, "members"));
    return { email: member.user.email, role: member.role };
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
