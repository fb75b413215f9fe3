import type { ReactNode } from "react";
import { CompanyTabs } from "@/components/companies/company-tabs";
import { Badge } from "@/components/ui/badge";
import { companyName } from "@/lib/names";
import { pageCompany } from "@/lib/pages/load-company-page";
import { companyTabsFor } from "@/lib/ui/console-tabs";

export default async function CompanyLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ companyId: string }>;
}) {
  const company = await pageCompany((await params).companyId);
  const role = company.role;
  return (
    <div>
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <h1 className="font-mono text-xl font-semibold break-all">{companyName(company)}</h1>
        <Badge tone={role === "admin" ? "blue" : "neutral"}>{role}</Badge>
      </div>
      <CompanyTabs tabs={companyTabsFor(company.id, role)} />
      {children}
    </div>
  );
}
