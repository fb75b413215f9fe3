import { createSystemEndpoint, listSystemsEndpoint, systemView } from "@/lib/api/endpoints/systems";
import { handle } from "@/lib/api/handle";
import { createSystem } from "@/lib/systems/create-system";
import { listSystems } from "@/lib/systems/list-systems";

// GET /api/v1/companies/{companyId}/systems: the company's systems, paginated, sorted and filtered.
export const GET = handle(listSystemsEndpoint, async ({ actor, params, query }) => {
  const page = await listSystems({ actor, companyId: params.companyId, query });
  return { ...page, items: page.items.map(systemView) };
});

// POST /api/v1/companies/{companyId}/systems: create a system (admins).
export const POST = handle(createSystemEndpoint, async ({ actor, params, body }) =>
  systemView(await createSystem({ actor, companyId: params.companyId, input: body })),
);
