import type { Metadata } from "next";
import Link from "next/link";
import { RejectedRecords } from "@/components/datastreams/rejected-records";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { type ListPageProps, listQueryOf, loadCompanyPage, type SystemIds } from "@/lib/pages/load-company-page";
import { listSystemRejectedRecords } from "@/lib/rejected-records/list-system-rejected-records";
import { systemRejectedRecordsQuerySchema } from "@/lib/rejected-records/schemas";
import { cn } from "@/lib/ui/cn";
import { systemPath } from "@/lib/ui/console-paths";

export const metadata: Metadata = { title: "Rejected records" };

export default async function SystemRejectedRecordsPage({ params, searchParams }: ListPageProps<SystemIds>) {
  const query = await listQueryOf(systemRejectedRecordsQuerySchema, searchParams);
  const loaded = await loadCompanyPage(params, async ({ actor, systemId }) => ({
    rejected: await listSystemRejectedRecords({ actor, systemId, query }),
  }));
  const { companyId, systemId, rejected } = loaded;
  const base = systemPath(companyId, systemId, "rejected-records");
  const filters = [
    { label: "All", href: base, active: !query.reportedBy && !query.datastream },
    {
      label: "Naming no datastream of this system",
      href: `${base}?datastream=none`,
      active: query.datastream === "none",
    },
    ...rejected.byReporter.map((r) => ({
      label: `${r.reportedBy} (${r.kept})`,
      href: `${base}?reportedBy=${encodeURIComponent(r.reportedBy)}`,
      active: query.reportedBy === r.reportedBy,
    })),
  ];
  return (
    <Card>
      <CardHeader
        title="Rejected records"
        description="Records on this system's topics that a reader (a client application, the console's live view, a stream app) could not use: not JSON, no datastream, an unknown or another system's datastream, a result its type refuses. Each message counts once, whoever noticed it."
      />
      <CardBody className="space-y-4">
        <nav aria-label="Filter rejected records" className="flex flex-wrap gap-2 text-sm">
          {filters.map((f) => (
            <Link
              key={f.href}
              href={f.href}
              aria-current={f.active ? "page" : undefined}
              className={cn(
                "rounded-full px-3 py-1 ring-1",
                f.active ? "bg-brand-600 text-white ring-brand-600" : "text-slate-700 ring-slate-300 hover:bg-slate-50",
              )}
            >
              {f.label}
            </Link>
          ))}
        </nav>
        <RejectedRecords scope="system" rejectedCount={rejected.rejectedCount} page={rejected} />
      </CardBody>
    </Card>
  );
}
