import { callingClientEndpoint, clientView } from "@/lib/api/endpoints/clients";
import { handle } from "@/lib/api/handle";
import { getCallingClient } from "@/lib/clients/get-calling-client";

// GET /api/v1/client: who am I, for a client application calling with its principal and secret (HTTP Basic).
export const GET = handle(callingClientEndpoint, async ({ actor }) => clientView(await getCallingClient({ actor })));
