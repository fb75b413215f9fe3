import { listMyInvitationsEndpoint } from "@/lib/api/endpoints/invitations";
import { handle } from "@/lib/api/handle";
import { listMyInvitations } from "@/lib/members/my-invitations";

// GET /api/v1/invitations: invitations waiting for the signed-in user.
export const GET = handle(listMyInvitationsEndpoint, async ({ actor }) => ({
  items: await listMyInvitations({ actor }),
}));
