import { inviteMemberEndpoint, listInvitationsEndpoint } from "@/lib/api/endpoints/invitations";
import { handle } from "@/lib/api/handle";
import { inviteMember } from "@/lib/members/invite-member";
import { listInvitations } from "@/lib/members/list-invitations";

// GET /api/v1/companies/{companyId}/invitations: open invitations (admins and auditors).
export const GET = handle(listInvitationsEndpoint, async ({ actor, params }) => ({
  items: await listInvitations({ actor, companyId: params.companyId }),
}));

// POST /api/v1/companies/{companyId}/invitations: invite an address with a role (admins).
export const POST = handle(inviteMemberEndpoint, ({ actor, params, body }) =>
  inviteMember({ actor, companyId: params.companyId, input: body }),
);
