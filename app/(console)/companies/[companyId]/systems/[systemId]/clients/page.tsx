import type { Metadata } from "next";
import { ClientsPanel } from "@/components/clients/clients-panel";
import { AccessDenied } from "@/components/ui/access-denied";
import { requireActor } from "@/lib/auth/session";
import { isRoleName, roleAllows } from "@/lib/authz/permissions";
import { listClients } from "@/lib/clients/list-clients";
import { clientListQuerySchema } from "@/lib/clients/schemas";
import { sdkConnection } from "@/lib/clients/sdk-connection";
import { getCompany } from "@/lib/companies/get-company";
import { listQueryFromSearchParams } from "@/lib/pages/list-query";
import { loadPage } from "@/lib/pages/load-page";
import { getSystem } from "@/lib/systems/get-system";
import { registerClientAction } from "./actions";

export const metadata: Metadata = { title: "Clients" };

export default async function SystemClientsPage({
  params,
  searchParams,
}: {
  params: Promise<{ companyId: string; systemId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { companyId, systemId } = await params;
  const actor = await requireActor();
  const query = listQueryFromSearchParams(clientListQuerySchema, await searchParams);
  const loaded = await loadPage(async () => ({
    company: await getCompany({ actor, companyId }),
    system: await getSystem({ actor, systemId }),
    clients: await listClients({ actor, systemId, query }),
  }));
  if (!loaded.ok) return <AccessDenied message={loaded.message} />;
  const { company, system, clients } = loaded.data;
  const canRegister = isRoleName(company.role) && roleAllows(company.role, "client.create");
  return (
    <ClientsPanel
      systemName={system.name}
      clientsHref={`/companies/${companyId}/systems/${systemId}/clients`}
      connection={sdkConnection()}
      // Only the columns the table shows travel to the browser.
      page={{
        ...clients,
        items: clients.items.map(({ id, name, principal, status, createdAt, rotatedAt }) => ({
          id,
          name,
          principal,
          status,
          createdAt,
          rotatedAt,
        })),
      }}
      sort={query.sort}
      order={query.order}
      q={query.q}
      register={canRegister ? registerClientAction.bind(null, companyId, systemId) : undefined}
    />
  );
}
