import type { Metadata } from "next";
import { AddMemberDialog } from "@/components/members/add-member-dialog";
import { MembersTable } from "@/components/members/members-table";
import { AccessDenied } from "@/components/ui/access-denied";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/session";
import { actorUserId } from "@/lib/authz/actor";
import { getCompany } from "@/lib/companies/get-company";
import { listMembers } from "@/lib/members/list-members";
import { memberListQuerySchema } from "@/lib/members/schemas";
import { listQueryFromSearchParams } from "@/lib/pages/list-query";
import { loadPage } from "@/lib/pages/load-page";
import { addMemberAction, changeMemberRoleAction, removeMemberAction } from "./actions";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({
  params,
  searchParams,
}: {
  params: Promise<{ companyId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { companyId } = await params;
  const actor = await requireActor();
  const query = listQueryFromSearchParams(memberListQuerySchema, await searchParams);
  const loaded = await loadPage(async () => ({
    company: await getCompany({ actor, companyId }),
    members: await listMembers({ actor, companyId, query }),
  }));
  if (!loaded.ok) return <AccessDenied message={loaded.message} />;
  const { company, members } = loaded.data;
  const canManage = company.role === "admin";
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
