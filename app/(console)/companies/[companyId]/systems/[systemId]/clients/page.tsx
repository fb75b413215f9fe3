import type { Metadata } from "next";
import { ClientsPanel } from "@/components/clients/clients-panel";
import { listClients } from "@/lib/clients/list-clients";
import { clientListQuerySchema } from "@/lib/clients/schemas";
import { sdkConnection } from "@/lib/clients/sdk-connection";
import { type ListPageProps, listQueryOf, loadSystemPage, type SystemIds } from "@/lib/pages/load-company-page";
import { systemPath } from "@/lib/ui/console-paths";
import { registerClientAction } from "./actions";

export const metadata: Metadata = { title: "Clients" };

export default async function SystemClientsPage({ params, searchParams }: ListPageProps<SystemIds>) {
  const query = await listQueryOf(clientListQuerySchema, searchParams);
  const loaded = await loadSystemPage(params, async ({ actor, systemId }) => ({
    clients: await listClients({ actor, systemId, query }),
  }));
  const { companyId, systemId, can, system, clients } = loaded;
  return (
    <ClientsPanel
      systemName={system.name}
      clientsHref={systemPath(companyId, systemId, "clients")}
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
      register={can("client.create") ? registerClientAction.bind(null, companyId, systemId) : undefined}
    />
  );
}
