import type { ReactNode } from "react";
import { LinkTabs } from "@/components/ui/link-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { pageCompany, pageSystem } from "@/lib/pages/load-company-page";
import { companyPath } from "@/lib/ui/console-paths";
import { systemTabsFor } from "@/lib/ui/console-tabs";
import { formatDateTime, plural } from "@/lib/ui/format";

/** The system's header and tabs, around its overview, clients, settings (and things, sensors, datastreams). */
export default async function SystemLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ companyId: string; systemId: string }>;
}) {
  const { companyId, systemId } = await params;
  const [company, system] = await Promise.all([pageCompany(companyId), pageSystem(companyId, systemId)]);
  const facts = [
    { label: "Workcenter", value: system.workcenter },
    { label: "Station", value: system.station },
    { label: "Retention", value: plural(system.retentionDays, "day") },
    { label: "Partitions", value: String(system.partitions) },
    { label: "Created", value: formatDateTime(system.createdAt) },
  ];
  return (
    <div>
      <PageHeader
        crumbs={[{ label: "Systems", href: companyPath(companyId) }, { label: system.station }]}
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
