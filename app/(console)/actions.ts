"use server";
import { runAction } from "@/lib/actions/run-action";
import { requireActor } from "@/lib/auth/session";
import { createCompany } from "@/lib/companies/create-company";
import type { CreateCompanyInput } from "@/lib/companies/schemas";
import { companyName } from "@/lib/names";

export async function createCompanyAction(input: CreateCompanyInput) {
  return runAction(async () => {
    const company = await createCompany({ actor: await requireActor(), input });
    return { id: company.id, name: companyName(company) };
  });
}
