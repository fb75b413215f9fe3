import { Download } from "lucide-react";
import type { Metadata } from "next";
import { AuditFilterBar, type AuditFilterValues } from "@/components/audit/audit-filter-bar";
import { AuditLogTable } from "@/components/audit/audit-log-table";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { listAuditFacets } from "@/lib/audit/list-audit-facets";
import { auditListQuerySchema } from "@/lib/audit/schemas";
import { type ListPageProps, listQueryOf, loadCompanyPage } from "@/lib/pages/load-company-page";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditLogPage({ params, searchParams }: ListPageProps<{ companyId: string }>) {
  const query = await listQueryOf(auditListQuerySchema, searchParams);
  const { companyId, page, facets } = await loadCompanyPage(params, async ({ actor, companyId }) => {
    const [page, facets] = await Promise.all([
      listAuditEvents({ actor, companyId, query }),
      listAuditFacets({ actor, companyId }),
    ]);
    return { page, facets };
  });

  // The filters as the server understood them: the bar shows them and the export sends exactly these.
  const filters: AuditFilterValues = {
    actor: query.actor,
    action: query.action,
    targetType: query.targetType,
    target: query.target,
    from: query.from?.toISOString(),
    to: query.to?.toISOString(),
  };
  const exportParams = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) exportParams.set(key, value);
  if (query.order !== "desc") exportParams.set("order", query.order);
  const exportHref = `/api/v1/companies/${companyId}/audit-events.csv${exportParams.size ? `?${exportParams}` : ""}`;
  const filtered = Object.values(filters).some(Boolean);

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Who changed what in this company, newest first. Times are UTC."
        actions={
          <Button variant="secondary" asChild>
            <a href={exportHref} download>
              <Download className="size-4" aria-hidden /> Export CSV
            </a>
          </Button>
        }
      />
      <AuditFilterBar values={filters} facets={facets} />
      <AuditLogTable page={page} filtered={filtered} />
    </>
  );
}
