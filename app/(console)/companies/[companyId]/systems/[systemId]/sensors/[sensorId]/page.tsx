import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RelatedDatastreams } from "@/components/datastreams/related-datastreams";
import { DeleteDetaching } from "@/components/metadata/delete-detaching";
import { EntityDetail } from "@/components/metadata/entity-detail";
import { descriptionFact, none, timestampFacts } from "@/components/metadata/facts";
import { SensorFormDialog } from "@/components/sensors/sensor-form-dialog";
import { listDatastreams } from "@/lib/datastreams/list-datastreams";
import { datastreamListQuerySchema } from "@/lib/datastreams/schemas";
import { type ListPageProps, listQueryOf, loadCompanyPage, type SystemIds } from "@/lib/pages/load-company-page";
import { getSensor } from "@/lib/sensors/get-sensor";
import { systemPath } from "@/lib/ui/console-paths";
import { deleteSensorAction, updateSensorAction } from "../actions";

export const metadata: Metadata = { title: "Sensor" };

const isLink = (value: string) => /^https?:\/\//.test(value);

export default async function SensorPage({ params, searchParams }: ListPageProps<SystemIds & { sensorId: string }>) {
  const { sensorId } = await params;
  const query = { ...(await listQueryOf(datastreamListQuerySchema, searchParams)), sensorId };
  const loaded = await loadCompanyPage(params, async ({ actor, systemId, can }) => {
    const [sensor, datastreams] = await Promise.all([
      getSensor({ actor, sensorId }),
      listDatastreams({ actor, systemId, query }),
    ]);
    if (sensor.systemId !== systemId) notFound();
    return { sensor, canWrite: can("metadata.write"), datastreams };
  });
  const { companyId, systemId, sensor, canWrite, datastreams } = loaded;
  const fields = {
    name: sensor.name,
    description: sensor.description,
    encodingType: sensor.encodingType,
    metadata: sensor.metadata,
  };
  return (
    <EntityDetail
      kind="Sensor"
      back={{ href: systemPath(companyId, systemId, "sensors"), label: "Sensors" }}
      name={sensor.name}
      actions={
        canWrite && (
          <>
            <SensorFormDialog
              sensor={fields}
              sensorsHref={systemPath(companyId, systemId, "sensors")}
              action={updateSensorAction.bind(null, companyId, systemId, sensorId)}
            />
            <DeleteDetaching
              what="sensor"
              name={sensor.name}
              detached={sensor._count.datastreams}
              afterHref={systemPath(companyId, systemId, "sensors")}
              remove={deleteSensorAction.bind(null, companyId, systemId, sensorId)}
            />
          </>
        )
      }
      facts={[
        descriptionFact(sensor.description),
        {
          label: "Metadata",
          value: isLink(sensor.metadata) ? (
            <a href={sensor.metadata} className="break-all text-brand-700 hover:underline" rel="noreferrer">
              {sensor.metadata}
            </a>
          ) : (
            sensor.metadata || none
          ),
          wide: true,
        },
        { label: "Encoding type", value: sensor.encodingType || "—" },
        ...timestampFacts(sensor),
      ]}
    >
      <RelatedDatastreams
        companyId={companyId}
        systemId={systemId}
        title={`Datastreams measured by ${sensor.name}`}
        datastreams={datastreams}
        query={query}
        emptyTitle="No datastream uses this sensor"
      />
    </EntityDetail>
  );
}
