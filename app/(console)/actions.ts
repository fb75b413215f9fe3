"use server";
import { runAction } from "@/lib/actions/run-action";
import { requireActor } from "@/lib/auth/session";
import { createCompany } from "@/lib/companies/create-company";
import type { CreateCompanyInput } from "@/lib/companies/schemas";
import { answerInvitation } from "@/lib/members/answer-invitation";
import { companyName } from "@/lib/names";

export async function createCompanyAction(input: CreateCompanyInput) {
  return runAction(async () => {
    const company = await createCompany({ actor: await requireActor(), input });
    return { id: company.id, name: companyName(company) };
  });
}

export async function answerInvitationAction(invitationId: string, accept: boolean) {
  return runAction(async () => answerInvitation({ actor: await requireActor(), invitationId, accept }));
}
