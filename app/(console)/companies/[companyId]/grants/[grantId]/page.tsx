import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { GrantDetail } from "@/components/grants/grant-detail";
import { PageHeader } from "@/components/ui/page-header";
import { getGrant } from "@/lib/grants/get-grant";
import { loadCompanyPage } from "@/lib/pages/load-company-page";
import { companyPath } from "@/lib/ui/console-paths";
import { answerGrantAction, revokeGrantAction } from "../actions";

export const metadata: Metadata = { title: "Grant" };

export default async function GrantPage({ params }: { params: Promise<{ companyId: string; grantId: string }> }) {
  const { companyId, grantId, grant } = await loadCompanyPage(params, async ({ actor, grantId }) => ({
    grant: await getGrant({ actor, grantId }),
  }));
  // A grant of another of the user's companies is not this company's page.
  if (grant.sourceCompanyId !== companyId && grant.targetCompanyId !== companyId) notFound();
  return (
    <>
      <PageHeader
        title={`${grant.sourceSystem}.${grant.datastreams}`}
        description={`${grant.sourceCompany} → ${grant.targetSystem ?? grant.targetCompany}`}
        crumbs={[{ label: "Grants", href: companyPath(companyId, "grants") }, { label: "Grant" }]}
      />
      <GrantDetail
        grant={grant}
        answer={answerGrantAction.bind(null, companyId, grantId)}
        revoke={revokeGrantAction.bind(null, companyId, grantId)}
      />
    </>
  );
}
