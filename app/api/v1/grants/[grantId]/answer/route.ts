import { answerGrantEndpoint } from "@/lib/api/endpoints/grants";
import { handle } from "@/lib/api/handle";
import { answerGrant } from "@/lib/grants/answer-grant";

// POST /api/v1/grants/{grantId}/answer: accept or decline an offered grant (receiver's admins).
export const POST = handle(answerGrantEndpoint, ({ actor, params, body }) =>
  answerGrant({ actor, grantId: params.grantId, input: body }),
);
