import type { Metadata } from "next";
import { SectionHeader } from "@/components/metadata/section-header";
import { SensorFormDialog } from "@/components/sensors/sensor-form-dialog";
import { SensorsTable } from "@/components/sensors/sensors-table";
import { AccessDenied } from "@/components/ui/access-denied";
import { requireActor } from "@/lib/auth/session";
import { isRoleName, roleAllows } from "@/lib/authz/permissions";
import { getCompany } from "@/lib/companies/get-company";
import { listQueryFromSearchParams } from "@/lib/pages/list-query";
import { loadPage } from "@/lib/pages/load-page";
import { listSensors } from "@/lib/sensors/list-sensors";
import { sensorListQuerySchema } from "@/lib/sensors/schemas";
import { createSensorAction } from "./actions";

export const metadata: Metadata = { title: "Sensors" };

export default async function SensorsPage({
  params,
  searchParams,
}: {
  params: Promise<{ companyId: string; systemId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { companyId, systemId } = await params;
  const actor = await requireActor();
  const query = listQueryFromSearchParams(sensorListQuerySchema, await searchParams);
  const loaded = await loadPage(async () => ({
    company: await getCompany({ actor, companyId }),
    sensors: await listSensors({ actor, systemId, query }),
  }));
  if (!loaded.ok) return <AccessDenied message={loaded.message} />;
  const { company, sensors } = loaded.data;
  const canWrite = isRoleName(company.role) && roleAllows(company.role, "metadata.write");
  const sensorsHref = `/companies/${companyId}/systems/${systemId}/sensors`;
  const create = canWrite && (
    <SensorFormDialog sensorsHref={sensorsHref} action={createSensorAction.bind(null, companyId, systemId)} />
  );
  return (
    <div className="space-y-3">
      <SectionHeader
        title="Sensors"
        description="The devices that measure. Datastreams refer to them; a sensor may serve several."
        action={(sensors.total > 0 || query.q) && create}
      />
      <SensorsTable
        sensorsHref={sensorsHref}
        page={{
          ...sensors,
          items: sensors.items.map((s) => ({
            id: s.id,
            name: s.name,
            encodingType: s.encodingType,
            datastreamCount: s._count.datastreams,
            updatedAt: s.updatedAt,
          })),
        }}
        sort={query.sort}
        order={query.order}
        q={query.q}
        emptyAction={create || undefined}
      />
    </div>
  );
}
