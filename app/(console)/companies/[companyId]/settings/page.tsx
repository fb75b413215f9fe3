import type { Metadata } from "next";
import { CompanySettings } from "@/components/companies/company-settings";
import { companyName } from "@/lib/names";
import { loadCompanyPage } from "@/lib/pages/load-company-page";
import { deleteCompanyAction, updateCompanyAction } from "./actions";

export const metadata: Metadata = { title: "Company settings" };

export default async function CompanySettingsPage({ params }: { params: Promise<{ companyId: string }> }) {
  const loaded = await loadCompanyPage(params, async () => ({}));
  const { companyId, company, can } = loaded;
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
