import { declineInvitationEndpoint } from "@/lib/api/endpoints/invitations";
import { handle } from "@/lib/api/handle";
import { answerInvitation } from "@/lib/members/answer-invitation";

// POST /api/v1/invitations/{invitationId}/decline: decline the invitation.
export const POST = handle(declineInvitationEndpoint, ({ actor, params }) =>
  answerInvitation({ actor, invitationId: params.invitationId, accept: false }),
);
