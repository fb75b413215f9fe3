import { browseMessagesEndpoint } from "@/lib/api/endpoints/history";
import { handle } from "@/lib/api/handle";
import { browseMessages } from "@/lib/history/browse-messages";

// GET /api/v1/systems/{systemId}/messages: a topic's messages by time, offset or key, or a live tail (audited).
export const GET = handle(browseMessagesEndpoint, async ({ actor, params, query }) =>
  browseMessages({ actor, systemId: params.systemId, query }),
);
