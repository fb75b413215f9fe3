import { addMemberEndpoint, listMembersEndpoint } from "@/lib/api/endpoints/companies";
import { handle } from "@/lib/api/handle";
import { addMember } from "@/lib/members/add-member";
import { listMembers } from "@/lib/members/list-members";

// GET /api/v1/companies/{companyId}/members: members with their roles (admins and auditors).
export const GET = handle(listMembersEndpoint, ({ actor, params, query }) =>
  listMembers({ actor, companyId: params.companyId, query }),
);

// POST /api/v1/companies/{companyId}/members: add an existing user by email.
export const POST = handle(addMemberEndpoint, ({ actor, params, body }) =>
  addMember({ actor, companyId: params.companyId, input: body }),
);
