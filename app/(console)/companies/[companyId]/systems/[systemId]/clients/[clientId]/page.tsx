import { format } from "date-fns";
import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ClientAccess } from "@/components/clients/client-access";
import { ClientActivityFacts } from "@/components/clients/client-activity-facts";
import { ClientStatusBadge } from "@/components/clients/client-status-badge";
import { EditClientForm } from "@/components/clients/edit-client-form";
import { RejectedRecords } from "@/components/datastreams/rejected-records";
import { AutoRefresh } from "@/components/live/auto-refresh";
import { describedAs } from "@/components/metadata/facts";
import { ProvisioningStatus } from "@/components/provisioning/provisioning-status";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { CopyButton } from "@/components/ui/copy-button";
import { getClient } from "@/lib/clients/get-client";
import { SDK_CONFIG_FILE, sdkConfig, sdkConfigJson } from "@/lib/clients/sdk-config";
import { sdkConnection } from "@/lib/clients/sdk-connection";
import { listQueryOf, loadCompanyPage, type SearchParams, type SystemIds } from "@/lib/pages/load-company-page";
import { listClientRejectedRecords } from "@/lib/rejected-records/list-client-rejected-records";
import { rejectedRecordsQuerySchema } from "@/lib/rejected-records/schemas";
import { systemPath } from "@/lib/ui/console-paths";
import { deleteClientAction, revokeClientAction, rotateClientSecretAction, updateClientAction } from "../actions";

export const metadata: Metadata = { title: "Client" };

const when = (d: Date | null) => (d ? format(d, "yyyy-MM-dd HH:mm:ss") : "never");

export default async function ClientPage({
  params,
  searchParams,
}: {
  params: Promise<SystemIds & { clientId: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const rejectedQuery = await listQueryOf(rejectedRecordsQuerySchema, searchParams);
  const loaded = await loadCompanyPage(params, async ({ actor, clientId }) => {
    const [client, rejected] = await Promise.all([
      getClient({ actor, clientId }),
      listClientRejectedRecords({ actor, clientId, query: rejectedQuery }),
    ]);
    return { client, rejected };
  });
  const { companyId, systemId, clientId, can, client, rejected } = loaded;
  if (client.systemId !== systemId || client.system.companyId !== companyId) notFound();
  const canManage = can("client.update");
  const clientsHref = systemPath(companyId, systemId, "clients");
  const connection = sdkConnection();
  const config = sdkConfigJson(sdkConfig(connection, { systemName: client.system.name, name: client.name }));
  // The long names first, each on a full row, so they wrap as little as possible.
  const names = [
    { label: "Principal (Kafka user)", value: client.principal },
    { label: "Consumer group", value: client.principal },
  ];
  const facts = [
    { label: "Secret version", value: String(client.secretVersion) },
    { label: "Created", value: when(client.createdAt) },
    { label: "Secret rotated", value: when(client.rotatedAt) },
    { label: "Revoked", value: when(client.revokedAt) },
  ];
  return (
    <div className="space-y-6">
      <AutoRefresh />
      <div className="space-y-1">
        <Link href={clientsHref} className="inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-800">
          <ArrowLeft className="size-3.5" aria-hidden /> Clients
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <h2 className="text-xl font-semibold text-slate-900">{client.name}</h2>
          <ClientStatusBadge status={client.status} />
        </div>
      </div>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <CardHeader title="Client application" />
            <CardBody>
              <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-4" aria-label="Client facts">
                {names.map((f) => (
                  <div key={f.label} className="min-w-0 sm:col-span-4">
                    <dt className="text-xs text-slate-500">{f.label}</dt>
                    <dd className="flex items-center gap-1 text-sm text-slate-900">
                      <span className="font-mono text-xs break-all">{f.value}</span>
                      <CopyButton
                        text={f.value}
                        label=""
                        variant="ghost"
                        aria-label={`Copy ${f.label.toLowerCase()}`}
                        copiedMessage={`${f.label} copied`}
                      />
                    </dd>
                  </div>
                ))}
                {facts.map((f) => (
                  <div key={f.label}>
                    <dt className="text-xs text-slate-500">{f.label}</dt>
                    <dd className="text-sm text-slate-900">{f.value}</dd>
                  </div>
                ))}
              </dl>
              <div className="mt-5 border-t border-slate-100 pt-4">
                {canManage ? (
                  <EditClientForm
                    description={client.description}
                    update={updateClientAction.bind(null, companyId, systemId, clientId)}
                  />
                ) : (
                  <>
                    <p className="text-xs text-slate-500">Description</p>
                    <p className="text-sm text-slate-900">{describedAs(client.description)}</p>
                  </>
                )}
              </div>
            </CardBody>
          </Card>

          <Card>
            <CardHeader
              title="SDK configuration"
              description={
                client.status === "revoked"
                  ? "Revoked: this configuration no longer works. Re-issue credentials to get a new secret."
                  : "The secret is shown once, at registration or rotation; Rhei keeps only its hash. Lost it? Rotate the secret."
              }
            />
            <CardBody>
              <CodeBlock
                title={SDK_CONFIG_FILE}
                code={config}
                actions={<CopyButton text={config} label="Copy" copiedMessage="Configuration copied" />}
              />
            </CardBody>
          </Card>

          <Card>
            <CardHeader
              title="Rejected records"
              description="Records this client read but could not use, as it reported them (the newest kept)."
            />
            <CardBody>
              <RejectedRecords scope="client" rejectedCount={rejected.clientRejectedCount} page={rejected} />
            </CardBody>
          </Card>
        </div>

        <div className="space-y-6">
          <Card>
            <CardHeader
              title="Activity"
              description="Produced: records on the system's .int that Rhei's SDK marked as this client's. Consumed: its group's committed positions, read every 30 s."
            />
            <CardBody>
              <ClientActivityFacts activity={client.activity} now={Date.now()} />
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Provisioning" description="Whether Kafka holds this client's credential and ACLs." />
            <CardBody>
              <ProvisioningStatus clientId={client.id} />
            </CardBody>
          </Card>
          {canManage && (
            <Card>
              <CardHeader title="Access" />
              <CardBody>
                <ClientAccess
                  client={{ name: client.name, principal: client.principal, status: client.status }}
                  systemName={client.system.name}
                  connection={connection}
                  afterDeleteHref={clientsHref}
                  rotate={rotateClientSecretAction.bind(null, companyId, systemId, clientId)}
                  revoke={revokeClientAction.bind(null, companyId, systemId, clientId)}
                  remove={deleteClientAction.bind(null, companyId, systemId, clientId)}
                />
              </CardBody>
            </Card>
          )}
        </div>
      </div>
    </div>
  );
}
