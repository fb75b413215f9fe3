import { changeMemberRoleEndpoint, removeMemberEndpoint } from "@/lib/api/endpoints/companies";
import { handle } from "@/lib/api/handle";
import { changeMemberRole } from "@/lib/members/change-member-role";
import { removeMember } from "@/lib/members/remove-member";

// PATCH /api/v1/companies/{companyId}/members/{userId}: change a member's role.
export const PATCH = handle(changeMemberRoleEndpoint, ({ actor, params, body }) =>
  changeMemberRole({ actor, companyId: params.companyId, userId: params.userId, input: body }),
);

// DELETE /api/v1/companies/{companyId}/members/{userId}: remove a member (or leave).
export const DELETE = handle(removeMemberEndpoint, ({ actor, params }) =>
  removeMember({ actor, companyId: params.companyId, userId: params.userId }),
);
