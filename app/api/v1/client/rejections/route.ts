import { reportRejectionsEndpoint } from "@/lib/api/endpoints/client-rejections";
import { handle } from "@/lib/api/handle";
import { reportRejections } from "@/lib/rejected-records/report-rejections";

// POST /api/v1/client/rejections: a client application reports records it could not use.
export const POST = handle(reportRejectionsEndpoint, ({ actor, body }) => reportRejections({ actor, input: body }));
