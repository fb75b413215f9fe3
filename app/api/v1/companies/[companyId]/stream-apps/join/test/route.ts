import { testJoinDraftEndpoint } from "@/lib/api/endpoints/stream-apps";
import { handle } from "@/lib/api/handle";
import { testJoinDraft } from "@/lib/stream-apps/test-join-draft";

// POST /api/v1/companies/{companyId}/stream-apps/join/test: a draft join on its inputs' newest records (bounded).
export const POST = handle(testJoinDraftEndpoint, ({ actor, params, body }) =>
  testJoinDraft({ actor, companyId: params.companyId, input: body }),
);
