import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { CompanyTabs } from "@/components/companies/company-tabs";
import { AccessDenied } from "@/components/ui/access-denied";
import { Badge } from "@/components/ui/badge";
import { requireActor } from "@/lib/auth/session";
import { isRoleName } from "@/lib/authz/permissions";
import { companyTabsFor } from "@/lib/companies/company-tabs";
import { getCompany } from "@/lib/companies/get-company";
import { companyName } from "@/lib/names";
import { loadPage } from "@/lib/pages/load-page";

export default async function CompanyLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ companyId: string }>;
}) {
  const { companyId } = await params;
  const actor = await requireActor();
  const loaded = await loadPage(() => getCompany({ actor, companyId }));
  if (!loaded.ok) return <AccessDenied message={loaded.message} />;
  const company = loaded.data;
  const role = company.role;
  if (!isRoleName(role)) notFound();
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
