import type { Metadata } from "next";
import { CompanySettings } from "@/components/companies/company-settings";
import { AccessDenied } from "@/components/ui/access-denied";
import { companyName } from "@/lib/names";
import { loadCompanyPage } from "../_lib/load-company-page";
import { deleteCompanyAction, updateCompanyAction } from "./actions";

export const metadata: Metadata = { title: "Company settings" };

export default async function CompanySettingsPage({ params }: { params: Promise<{ companyId: string }> }) {
  const loaded = await loadCompanyPage(params, async () => ({}));
  if (!loaded.ok) return <AccessDenied message={loaded.message} />;
  const { companyId, company, can } = loaded.data;
  return (
    <CompanySettings
      name={companyName(company)}
      description={company.description}
      systems={company._count.systems}
      canEdit={can("company.update")}
      update={updateCompanyAction.bind(null, companyId)}
      remove={deleteCompanyAction.bind(null, companyId)}
    />
  );
}
