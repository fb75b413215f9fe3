import { testStreamAppDraftEndpoint } from "@/lib/api/endpoints/stream-apps";
import { handle } from "@/lib/api/handle";
import { testStreamAppDraft } from "@/lib/stream-apps/test-stream-app-draft";

// POST /api/v1/companies/{companyId}/stream-apps/test: a draft query on its sources' newest records (a bounded read).
export const POST = handle(testStreamAppDraftEndpoint, ({ actor, params, body }) =>
  testStreamAppDraft({ actor, companyId: params.companyId, input: body }),
);
