import { cancelInvitationEndpoint } from "@/lib/api/endpoints/invitations";
import { handle } from "@/lib/api/handle";
import { cancelInvitation } from "@/lib/members/cancel-invitation";

// DELETE /api/v1/companies/{companyId}/invitations/{invitationId}: withdraw an invitation (admins).
export const DELETE = handle(cancelInvitationEndpoint, ({ actor, params }) =>
  cancelInvitation({ actor, companyId: params.companyId, invitationId: params.invitationId }),
);
