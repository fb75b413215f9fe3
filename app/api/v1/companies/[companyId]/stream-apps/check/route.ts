import { checkStreamAppDraftEndpoint } from "@/lib/api/endpoints/stream-apps";
import { handle } from "@/lib/api/handle";
import { checkStreamAppDraft } from "@/lib/stream-apps/check-stream-app-draft";

// POST /api/v1/companies/{companyId}/stream-apps/check: check a draft query, nothing saved (admins, engineers).
export const POST = handle(checkStreamAppDraftEndpoint, ({ actor, params, body }) =>
  checkStreamAppDraft({ actor, companyId: params.companyId, input: body }),
);
