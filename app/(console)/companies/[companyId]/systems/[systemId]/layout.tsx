import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { AccessDenied } from "@/components/ui/access-denied";
import { LinkTabs } from "@/components/ui/link-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/session";
import { isRoleName } from "@/lib/authz/permissions";
import { getCompany } from "@/lib/companies/get-company";
import { loadPage } from "@/lib/pages/load-page";
import { getSystem } from "@/lib/systems/get-system";
import { systemTabsFor } from "@/lib/systems/system-tabs";
import { formatDateTime } from "@/lib/ui/format";

/** The system's header and tabs, around its overview, clients, settings (and things, sensors, datastreams). */
export default async function SystemLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ companyId: string; systemId: string }>;
}) {
  const { companyId, systemId } = await params;
  const actor = await requireActor();
  const loaded = await loadPage(async () => ({
    company: await getCompany({ actor, companyId }),
    system: await getSystem({ actor, systemId }),
  }));
  if (!loaded.ok) return <AccessDenied message={loaded.message} />;
  const { company, system } = loaded.data;
  // A system of another of the user's companies, under this company's URL, is not here.
  if (system.companyId !== companyId || !isRoleName(company.role)) notFound();
  const facts = [
    { label: "Workcenter", value: system.workcenter },
    { label: "Station", value: system.station },
    { label: "Retention", value: `${system.retentionDays} day${system.retentionDays === 1 ? "" : "s"}` },
    { label: "Partitions", value: String(system.partitions) },
    { label: "Created", value: formatDateTime(system.createdAt) },
  ];
  return (
    <div>
      <PageHeader
        crumbs={[{ label: "Systems", href: `/companies/${companyId}` }, { label: system.station }]}
        title={<span className="font-mono text-xl break-all">{system.name}</span>}
        description={system.description || <span className="italic">No description</span>}
      />
      <dl className="-mt-2 mb-5 flex flex-wrap gap-x-6 gap-y-1 text-sm" aria-label="System facts">
        {facts.map((f) => (
          <div key={f.label} className="flex gap-1.5">
            <dt className="text-slate-500">{f.label}</dt>
            <dd className="font-medium text-slate-800">{f.value}</dd>
          </div>
        ))}
      </dl>
      <LinkTabs label="System" tabs={systemTabsFor(companyId, systemId, company.role)} />
      {children}
    </div>
  );
}
