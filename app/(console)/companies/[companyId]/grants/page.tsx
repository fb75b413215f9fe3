import type { Metadata } from "next";
import { GrantsTable } from "@/components/grants/grants-table";
import { OfferGrantDialog } from "@/components/grants/offer-grant-dialog";
import { PageHeader } from "@/components/ui/page-header";
import { listGrants } from "@/lib/grants/list-grants";
import { grantListQuerySchema } from "@/lib/grants/schemas";
import { type ListPageProps, listQueryOf, loadCompanyPage } from "@/lib/pages/load-company-page";
import { listSystems } from "@/lib/systems/list-systems";
import { offerGrantAction } from "./actions";

export const metadata: Metadata = { title: "Grants" };

export default async function GrantsPage({ params, searchParams }: ListPageProps<{ companyId: string }>) {
  const query = await listQueryOf(grantListQuerySchema, searchParams);
  const { companyId, can, grants, systems } = await loadCompanyPage(params, async ({ actor, companyId }) => {
    const [grants, systems] = await Promise.all([
      listGrants({ actor, companyId, query }),
      listSystems({ actor, companyId, query: { pageSize: 200, sort: "name" } }),
    ]);
    return { grants, systems };
  });
  const ownSystems = systems.items.map((s) => ({ id: s.id, name: s.name }));
  return (
    <>
      <PageHeader
        title="Grants"
        description="Consent to share data between companies: the source offers datastreams of a system, the receiver's admin accepts, either side revokes. Only the receiver's stream apps read under a grant, into its own systems; its users and clients never see the source's topics."
        actions={
          can("grant.manage") &&
          ownSystems.length > 0 && (
            <OfferGrantDialog systems={ownSystems} action={offerGrantAction.bind(null, companyId)} />
          )
        }
      />
      <GrantsTable companyId={companyId} page={grants} side={query.side} />
    </>
  );
}
