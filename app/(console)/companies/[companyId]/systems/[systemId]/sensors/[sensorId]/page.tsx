import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DatastreamFilters } from "@/components/datastreams/datastream-filters";
import { datastreamRows } from "@/components/datastreams/datastream-rows";
import { DatastreamsTable } from "@/components/datastreams/datastreams-table";
import { DeleteDetaching } from "@/components/metadata/delete-detaching";
import { DetailHeader } from "@/components/metadata/detail-header";
import { Facts } from "@/components/metadata/facts";
import { SensorFormDialog } from "@/components/sensors/sensor-form-dialog";
import { AccessDenied } from "@/components/ui/access-denied";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";
import { isRoleName, roleAllows } from "@/lib/authz/permissions";
import { getCompany } from "@/lib/companies/get-company";
import { listDatastreams } from "@/lib/datastreams/list-datastreams";
import { datastreamListQuerySchema } from "@/lib/datastreams/schemas";
import { listQueryFromSearchParams } from "@/lib/pages/list-query";
import { loadPage } from "@/lib/pages/load-page";
import { getSensor } from "@/lib/sensors/get-sensor";
import { formatDateTime } from "@/lib/ui/format";
import { deleteSensorAction, updateSensorAction } from "../actions";

export const metadata: Metadata = { title: "Sensor" };

const isLink = (value: string) => /^https?:\/\//.test(value);

export default async function SensorPage({
  params,
  searchParams,
}: {
  params: Promise<{ companyId: string; systemId: string; sensorId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { companyId, systemId, sensorId } = await params;
  const actor = await requireActor();
  const query = { ...listQueryFromSearchParams(datastreamListQuerySchema, await searchParams), sensorId };
  const loaded = await loadPage(async () => {
    const company = await getCompany({ actor, companyId });
    const sensor = await getSensor({ actor, sensorId });
    if (sensor.systemId !== systemId) notFound();
    return {
      sensor,
      canWrite: isRoleName(company.role) && roleAllows(company.role, "metadata.write"),
      datastreams: await listDatastreams({ actor, systemId, query }),
    };
  });
  if (!loaded.ok) return <AccessDenied message={loaded.message} />;
  const { sensor, canWrite, datastreams } = loaded.data;
  const base = `/companies/${companyId}/systems/${systemId}`;
  const fields = {
    name: sensor.name,
    description: sensor.description,
    encodingType: sensor.encodingType,
    metadata: sensor.metadata,
  };
  return (
    <div className="space-y-6">
      <DetailHeader
        back={{ href: `${base}/sensors`, label: "Sensors" }}
        title={sensor.name}
        actions={
          canWrite && (
            <>
              <SensorFormDialog
                sensor={fields}
                sensorsHref={`${base}/sensors`}
                action={updateSensorAction.bind(null, companyId, systemId, sensorId)}
              />
              <DeleteDetaching
                what="sensor"
                name={sensor.name}
                detached={sensor._count.datastreams}
                afterHref={`${base}/sensors`}
                remove={deleteSensorAction.bind(null, companyId, systemId, sensorId)}
              />
            </>
          )
        }
      />
      <Card>
        <CardHeader title="Sensor" />
        <CardBody>
          <Facts
            label="Sensor facts"
            facts={[
              {
                label: "Description",
                value: sensor.description || <span className="text-slate-500 italic">No description</span>,
                wide: true,
              },
              {
                label: "Metadata",
                value: isLink(sensor.metadata) ? (
                  <a href={sensor.metadata} className="break-all text-brand-700 hover:underline" rel="noreferrer">
                    {sensor.metadata}
                  </a>
                ) : (
                  sensor.metadata || <span className="text-slate-500">none</span>
                ),
                wide: true,
              },
              { label: "Encoding type", value: sensor.encodingType || "—" },
              { label: "Created", value: formatDateTime(sensor.createdAt) },
              { label: "Updated", value: formatDateTime(sensor.updatedAt) },
            ]}
          />
        </CardBody>
      </Card>
      <div className="space-y-3">
        <h3 className="text-base font-semibold text-slate-900">Datastreams measured by {sensor.name}</h3>
        <DatastreamsTable
          datastreamsHref={`${base}/datastreams`}
          thingsHref={`${base}/things`}
          page={datastreamRows(datastreams)}
          sort={query.sort}
          order={query.order}
          q={query.q}
          filtered={Boolean(query.observationType)}
          toolbar={<DatastreamFilters observationType={query.observationType} />}
          emptyTitle="No datastream uses this sensor"
        />
      </div>
    </div>
  );
}
