import type { Metadata } from "next";
import { entityRows } from "@/components/metadata/entity-rows";
import { Section } from "@/components/metadata/section";
import { SensorFormDialog } from "@/components/sensors/sensor-form-dialog";
import { SensorsTable } from "@/components/sensors/sensors-table";
import { type ListPageProps, listQueryOf, loadCompanyPage, type SystemIds } from "@/lib/pages/load-company-page";
import { listSensors } from "@/lib/sensors/list-sensors";
import { sensorListQuerySchema } from "@/lib/sensors/schemas";
import { systemPath } from "@/lib/ui/console-paths";
import { createSensorAction } from "./actions";

export const metadata: Metadata = { title: "Sensors" };

export default async function SensorsPage({ params, searchParams }: ListPageProps<SystemIds>) {
  const query = await listQueryOf(sensorListQuerySchema, searchParams);
  const loaded = await loadCompanyPage(params, async ({ actor, systemId }) => ({
    sensors: await listSensors({ actor, systemId, query }),
  }));
  const { companyId, systemId, can, sensors } = loaded;
  const sensorsHref = systemPath(companyId, systemId, "sensors");
  const create = can("metadata.write") && (
    <SensorFormDialog sensorsHref={sensorsHref} action={createSensorAction.bind(null, companyId, systemId)} />
  );
  return (
    <Section
      title="Sensors"
      description="The devices that measure. Datastreams refer to them; a sensor may serve several."
      action={(sensors.total > 0 || query.q) && create}
    >
      <SensorsTable
        sensorsHref={sensorsHref}
        page={entityRows(sensors, (s) => ({ encodingType: s.encodingType }))}
        sort={query.sort}
        order={query.order}
        q={query.q}
        emptyAction={create || undefined}
      />
    </Section>
  );
}
