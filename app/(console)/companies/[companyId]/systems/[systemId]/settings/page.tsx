import type { Metadata } from "next";
import Link from "next/link";
import { DeleteSystem } from "@/components/systems/delete-system";
import { SystemSettingsForm } from "@/components/systems/system-settings-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { loadSystemPage, type SystemIds } from "@/lib/pages/load-company-page";
import { systemDeletionImpact } from "@/lib/systems/delete-system";
import { companyPath, systemPath } from "@/lib/ui/console-paths";
import { deleteSystemAction, updateSystemAction } from "../actions";

export const metadata: Metadata = { title: "System settings" };

export default async function SystemSettingsPage({ params }: { params: Promise<SystemIds> }) {
  const loaded = await loadSystemPage(params, async ({ actor, systemId, can }) => ({
    impact: can("system.delete") ? await systemDeletionImpact({ actor, systemId }) : null,
  }));
  const { companyId, systemId, can, system, impact } = loaded;
  const canEdit = can("system.update");
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader
          title="Settings"
          description="The name cannot change: it names the system's topics and its clients' Kafka users."
        />
        <CardBody>
          <SystemSettingsForm
            settings={{
              description: system.description,
              retentionDays: system.retentionDays,
              partitions: system.partitions,
            }}
            canEdit={canEdit}
            update={updateSystemAction.bind(null, companyId, systemId)}
          />
        </CardBody>
      </Card>
      {impact && (
        <Card className="ring-red-200">
          <CardHeader
            title="Delete system"
            description="Removes the system, its topics with all their records, and its things, sensors and datastreams. Its audit log is kept."
            actions={
              <DeleteSystem
                impact={impact}
                clientsHref={systemPath(companyId, systemId, "clients")}
                afterHref={companyPath(companyId)}
                remove={deleteSystemAction.bind(null, companyId, systemId)}
              />
            }
          />
          {impact.clients > 0 && (
            <CardBody>
              <p className="text-sm text-amber-800">
                Refused while the system has client applications: it has {impact.clients}.{" "}
                <Link href={systemPath(companyId, systemId, "clients")} className="font-medium underline">
                  See its clients
                </Link>
              </p>
            </CardBody>
          )}
        </Card>
      )}
    </div>
  );
}
