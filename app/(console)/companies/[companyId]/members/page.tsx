import type { Metadata } from "next";
import { AddMemberDialog } from "@/components/members/add-member-dialog";
import { MembersTable } from "@/components/members/members-table";
import { PageHeader } from "@/components/ui/page-header";
import { actorUserId } from "@/lib/authz/actor";
import { listMembers } from "@/lib/members/list-members";
import { memberListQuerySchema } from "@/lib/members/schemas";
import { type ListPageProps, listQueryOf, loadCompanyPage } from "@/lib/pages/load-company-page";
import { addMemberAction, changeMemberRoleAction, removeMemberAction } from "./actions";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params, searchParams }: ListPageProps<{ companyId: string }>) {
  const query = await listQueryOf(memberListQuerySchema, searchParams);
  const loaded = await loadCompanyPage(params, async ({ actor, companyId }) => ({
    members: await listMembers({ actor, companyId, query }),
  }));
  const { actor, companyId, can, members } = loaded;
  const canManage = can("member.manage");
  return (
    <>
      <PageHeader
        title="Members"
        description="Who may do what in this company. The last admin cannot leave or be demoted."
        actions={canManage && <AddMemberDialog action={addMemberAction.bind(null, companyId)} />}
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
    </>
  );
}
