import { registerInstancesEndpoint } from "@/lib/api/endpoints/client-metadata";
import { handle } from "@/lib/api/handle";
import { registerInstances } from "@/lib/metadata-io/register-instances";

// POST /api/v1/client/register: a client application registers its instances.json into its own system.
export const POST = handle(registerInstancesEndpoint, ({ actor, text }) =>
  registerInstances({ actor, source: text ?? "" }),
);
