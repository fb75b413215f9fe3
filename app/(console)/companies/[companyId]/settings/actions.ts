"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/run-action";
import { requireActor } from "@/lib/auth/session";
import { deleteCompany } from "@/lib/companies/delete-company";
import type { UpdateCompanyInput } from "@/lib/companies/schemas";
import { updateCompany } from "@/lib/companies/update-company";
import { companyPath } from "@/lib/ui/console-paths";

export async function updateCompanyAction(companyId: string, input: UpdateCompanyInput) {
  return runAction(async () => {
    const company = await updateCompany({ actor: await requireActor(), companyId, input });
    revalidatePath(companyPath(companyId), "layout");
    return { description: company.description };
  });
}

export async function deleteCompanyAction(companyId: string) {
  return runAction(async () => deleteCompany({ actor: await requireActor(), companyId }));
}
