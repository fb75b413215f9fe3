import { Boxes } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { ProvisioningStatus } from "@/components/provisioning/provisioning-status";
import { LineageGraph } from "@/components/stream-apps/lineage-graph";
import { SystemTopics } from "@/components/systems/system-topics";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { loadSystemPage, type SystemIds } from "@/lib/pages/load-company-page";
import { getSystemLineage } from "@/lib/stream-apps/get-lineage";
import { systemContents } from "@/lib/systems/system-contents";
import { systemPath } from "@/lib/ui/console-paths";
import { plural } from "@/lib/ui/format";

export const metadata: Metadata = { title: "System" };

export default async function SystemOverviewPage({ params }: { params: Promise<SystemIds> }) {
  const loaded = await loadSystemPage(params, async ({ actor, systemId }) => {
    const [contents, lineage] = await Promise.all([
      systemContents({ actor, systemId }),
      getSystemLineage({ actor, systemId }),
    ]);
    return { contents, lineage };
  });
  const { companyId, systemId, can, system, contents, lineage } = loaded;
  const seesClients = can("client.read");
  const counts = [
    {
      label: "Clients",
      value: contents.clients,
      href: seesClients ? systemPath(companyId, systemId, "clients") : undefined,
    },
    { label: "Things", value: contents.things, href: systemPath(companyId, systemId, "things") },
    { label: "Sensors", value: contents.sensors, href: systemPath(companyId, systemId, "sensors") },
    { label: "Datastreams", value: contents.datastreams, href: systemPath(companyId, systemId, "datastreams") },
  ];
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="space-y-6 lg:col-span-2">
        <Card>
          <CardHeader
            title="Kafka topics"
            description={`Kept ${plural(system.retentionDays, "day")} (cleanup.policy=delete), ${plural(system.partitions, "partition")} each.`}
          />
          <CardBody>
            <SystemTopics systemName={system.name} />
          </CardBody>
        </Card>

        <Card>
          <CardHeader
            title="Data flows"
            description="Stream apps bringing other systems' records into this system's .ext, and taking its records elsewhere (own apps, and other companies' apps under grants)."
          />
          <CardBody>
            <LineageGraph companyId={companyId} lineage={lineage} />
          </CardBody>
        </Card>

        <Card>
          <CardHeader
            title="Things and datastreams"
            description="The assets of this system and what they measure, each datastream typed and with a unit."
          />
          {contents.datastreams === 0 && contents.things === 0 ? (
            <EmptyState
              icon={<Boxes className="size-10" aria-hidden />}
              title="Nothing described yet"
              action={
                <div className="flex flex-wrap justify-center gap-2">
                  <Button asChild>
                    <Link href={systemPath(companyId, systemId, "metadata")}>Import a file</Link>
                  </Button>
                  <Button asChild variant="secondary">
                    <Link href={systemPath(companyId, systemId, "things")}>Create a thing</Link>
                  </Button>
                </div>
              }
            >
              Describe the system's things, sensors and typed datastreams, one by one or by importing an instances.json
              of the platform Rhei replaces, or a Rhei YAML file.
            </EmptyState>
          ) : (
            <CardBody className="flex flex-wrap gap-2">
              <Button asChild variant="secondary">
                <Link href={systemPath(companyId, systemId, "things")}>{plural(contents.things, "thing")}</Link>
              </Button>
              <Button asChild variant="secondary">
                <Link href={systemPath(companyId, systemId, "datastreams")}>
                  {plural(contents.datastreams, "datastream")}
                </Link>
              </Button>
              <Button asChild variant="secondary">
                <Link href={systemPath(companyId, systemId, "metadata")}>Import / export</Link>
              </Button>
            </CardBody>
          )}
        </Card>
      </div>

      <div className="space-y-6">
        <Card>
          <CardHeader title="Contents" />
          <CardBody>
            <dl className="grid grid-cols-2 gap-4">
              {counts.map((c) => (
                <div key={c.label}>
                  <dt className="text-xs text-slate-500">{c.label}</dt>
                  <dd className="text-2xl font-semibold text-slate-900">
                    {c.href ? (
                      <Link href={c.href} className="text-brand-700 hover:underline">
                        {c.value}
                      </Link>
                    ) : (
                      c.value
                    )}
                  </dd>
                </div>
              ))}
            </dl>
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Provisioning" description="Whether the cluster holds this system's topics as set here." />
          <CardBody>
            <ProvisioningStatus systemId={system.id} />
          </CardBody>
        </Card>
      </div>
    </div>
  );
}
