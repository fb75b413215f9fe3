import type { Metadata } from "next";
import { InviteMemberDialog } from "@/components/members/add-member-dialog";
import { InvitationsList } from "@/components/members/invitations-list";
import { MembersTable } from "@/components/members/members-table";
import { PageHeader } from "@/components/ui/page-header";
import { actorUserId } from "@/lib/authz/actor";
import { listInvitations } from "@/lib/members/list-invitations";
import { listMembers } from "@/lib/members/list-members";
import { memberListQuerySchema } from "@/lib/members/schemas";
import { type ListPageProps, listQueryOf, loadCompanyPage } from "@/lib/pages/load-company-page";
import { cancelInvitationAction, changeMemberRoleAction, inviteMemberAction, removeMemberAction } from "./actions";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params, searchParams }: ListPageProps<{ companyId: string }>) {
  const query = await listQueryOf(memberListQuerySchema, searchParams);
  const loaded = await loadCompanyPage(params, async ({ actor, companyId }) => {
    const [members, invitations] = await Promise.all([
      listMembers({ actor, companyId, query }),
      listInvitations({ actor, companyId }),
    ]);
    return { members, invitations };
  });
  const { actor, companyId, can, members, invitations } = loaded;
  const canManage = can("member.manage");
  return (
    <>
      <PageHeader
        title="Members"
        description="Who may do what in this company. The last admin cannot leave or be demoted."
        actions={canManage && <InviteMemberDialog action={inviteMemberAction.bind(null, companyId)} />}
      />
      <MembersTable
        page={members}
        sort={query.sort}
        order={query.order}
        q={query.q}
        canManage={canManage}
        currentUserId={actorUserId(actor) ?? ""}
        changeRole={changeMemberRoleAction.bind(null, companyId)}
        remove={removeMemberAction.bind(null, companyId)}
      />
      <InvitationsList
        invitations={invitations.map(({ id, email, role, createdAt }) => ({ id, email, role, createdAt }))}
        cancel={canManage ? cancelInvitationAction.bind(null, companyId) : undefined}
      />
    </>
  );
}
