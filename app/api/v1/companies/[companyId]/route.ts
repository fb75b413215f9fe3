import { deleteCompanyEndpoint, getCompanyEndpoint, updateCompanyEndpoint } from "@/lib/api/endpoints/companies";
import { handle } from "@/lib/api/handle";
import { deleteCompany } from "@/lib/companies/delete-company";
import { getCompany } from "@/lib/companies/get-company";
import { updateCompany } from "@/lib/companies/update-company";

// GET /api/v1/companies/{companyId}: one company with the caller's role.
export const GET = handle(getCompanyEndpoint, ({ actor, params }) =>
  getCompany({ actor, companyId: params.companyId }),
);

// PATCH /api/v1/companies/{companyId}: change the description.
export const PATCH = handle(updateCompanyEndpoint, async ({ actor, params, body }) => {
  await updateCompany({ actor, companyId: params.companyId, input: body });
  return getCompany({ actor, companyId: params.companyId });
});

// DELETE /api/v1/companies/{companyId}: delete a company without systems.
export const DELETE = handle(deleteCompanyEndpoint, ({ actor, params }) =>
  deleteCompany({ actor, companyId: params.companyId }),
);
