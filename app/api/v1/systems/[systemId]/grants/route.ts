import { offerGrantEndpoint } from "@/lib/api/endpoints/grants";
import { handle } from "@/lib/api/handle";
import { offerGrant } from "@/lib/grants/offer-grant";

// POST /api/v1/systems/{systemId}/grants: offer the system's datastreams to another company (admins, engineers).
export const POST = handle(offerGrantEndpoint, ({ actor, params, body }) =>
  offerGrant({ actor, systemId: params.systemId, input: body }),
);
