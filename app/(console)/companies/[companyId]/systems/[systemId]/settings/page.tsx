import type { Metadata } from "next";
import Link from "next/link";
import { DeleteSystem } from "@/components/systems/delete-system";
import { SystemSettingsForm } from "@/components/systems/system-settings-form";
import { AccessDenied } from "@/components/ui/access-denied";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";
import { isRoleName, roleAllows } from "@/lib/authz/permissions";
import { getCompany } from "@/lib/companies/get-company";
import { loadPage } from "@/lib/pages/load-page";
import { systemDeletionImpact } from "@/lib/systems/delete-system";
import { getSystem } from "@/lib/systems/get-system";
import { deleteSystemAction, updateSystemAction } from "../actions";

export const metadata: Metadata = { title: "System settings" };

export default async function SystemSettingsPage({
  params,
}: {
  params: Promise<{ companyId: string; systemId: string }>;
}) {
  const { companyId, systemId } = await params;
  const actor = await requireActor();
  const loaded = await loadPage(async () => {
    const company = await getCompany({ actor, companyId });
    const role = isRoleName(company.role) ? company.role : undefined;
    const canDelete = role !== undefined && roleAllows(role, "system.delete");
    return {
      system: await getSystem({ actor, systemId }),
      canEdit: role !== undefined && roleAllows(role, "system.update"),
      impact: canDelete ? await systemDeletionImpact({ actor, systemId }) : null,
    };
  });
  if (!loaded.ok) return <AccessDenied message={loaded.message} />;
  const { system, canEdit, impact } = loaded.data;
  const base = `/companies/${companyId}/systems/${systemId}`;
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
                clientsHref={`${base}/clients`}
                afterHref={`/companies/${companyId}`}
                remove={deleteSystemAction.bind(null, companyId, systemId)}
              />
            }
          />
          {impact.clients > 0 && (
            <CardBody>
              <p className="text-sm text-amber-800">
                Refused while the system has client applications: it has {impact.clients}.{" "}
                <Link href={`${base}/clients`} className="font-medium underline">
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
