import { checkJoinDraftEndpoint } from "@/lib/api/endpoints/stream-apps";
import { handle } from "@/lib/api/handle";
import { checkJoinDraft } from "@/lib/stream-apps/check-join-draft";

// POST /api/v1/companies/{companyId}/stream-apps/join/check: a draft join checked (nothing saved).
export const POST = handle(checkJoinDraftEndpoint, ({ actor, params, body }) =>
  checkJoinDraft({ actor, companyId: params.companyId, input: body }),
);
