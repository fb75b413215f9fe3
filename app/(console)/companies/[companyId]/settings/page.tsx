import type { Metadata } from "next";
import { CompanySettings } from "@/components/companies/company-settings";
import { AccessDenied } from "@/components/ui/access-denied";
import { requireActor } from "@/lib/auth/session";
import { getCompany } from "@/lib/companies/get-company";
import { companyName } from "@/lib/names";
import { loadPage } from "@/lib/pages/load-page";
import { deleteCompanyAction, updateCompanyAction } from "./actions";

export const metadata: Metadata = { title: "Company settings" };

export default async function CompanySettingsPage({ params }: { params: Promise<{ companyId: string }> }) {
  const { companyId } = await params;
  const actor = await requireActor();
  const loaded = await loadPage(() => getCompany({ actor, companyId }));
  if (!loaded.ok) return <AccessDenied message={loaded.message} />;
  const company = loaded.data;
  return (
    <CompanySettings
      name={companyName(company)}
      description={company.description}
      systems={company._count.systems}
      canEdit={company.role === "admin"}
      update={updateCompanyAction.bind(null, companyId)}
      remove={deleteCompanyAction.bind(null, companyId)}
    />
  );
}
