import { acceptInvitationEndpoint } from "@/lib/api/endpoints/invitations";
import { handle } from "@/lib/api/handle";
import { answerInvitation } from "@/lib/members/answer-invitation";

// POST /api/v1/invitations/{invitationId}/accept: join the company with the invitation's role.
export const POST = handle(acceptInvitationEndpoint, ({ actor, params }) =>
  answerInvitation({ actor, invitationId: params.invitationId, accept: true }),
);
