import { createCompanyEndpoint, listCompaniesEndpoint } from "@/lib/api/endpoints/companies";
import { handle } from "@/lib/api/handle";
import { actorUserId } from "@/lib/authz/actor";
import { createCompany } from "@/lib/companies/create-company";
import { listMyCompanies } from "@/lib/companies/list-my-companies";

// GET /api/v1/companies: the caller's companies with the caller's role.
export const GET = handle(listCompaniesEndpoint, async ({ actor }) => ({
  items: await listMyCompanies({ userId: actorUserId(actor) ?? "" }),
}));

// POST /api/v1/companies: register a company; the caller becomes its admin.
export const POST = handle(createCompanyEndpoint, async ({ actor, body }) => ({
  ...(await createCompany({ actor, input: body })),
  role: "admin",
}));
