import { listMembersEndpoint } from "@/lib/api/endpoints/companies";
import { handle } from "@/lib/api/handle";
import { listMembers } from "@/lib/members/list-members";

// GET /api/v1/companies/{companyId}/members: members with their roles (admins and auditors).
export const GET = handle(listMembersEndpoint, ({ actor, params, query }) =>
  listMembers({ actor, companyId: params.companyId, query }),
);
