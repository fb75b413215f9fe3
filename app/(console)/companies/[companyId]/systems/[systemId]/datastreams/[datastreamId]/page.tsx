import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AlarmRules } from "@/components/alarms/alarm-rules";
import { DatastreamFormDialog } from "@/components/datastreams/datastream-form-dialog";
import { DeleteDatastream } from "@/components/datastreams/delete-datastream";
import { observationTypeInfo } from "@/components/datastreams/observation-types";
import { RejectedRecords } from "@/components/datastreams/rejected-records";
import { SchemaVersions } from "@/components/datastreams/schema-versions";
import { DatastreamLiveData } from "@/components/live/datastream-live-data";
import { DetailHeader } from "@/components/metadata/detail-header";
import { descriptionFact, Facts, none, timestampFacts } from "@/components/metadata/facts";
import { DatastreamLineage } from "@/components/stream-apps/datastream-lineage";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { DottedName } from "@/components/ui/dotted-name";
import { listAlarmRules } from "@/lib/alarms/list-alarm-rules";
import { datastreamDeletionImpact } from "@/lib/datastreams/delete-datastream";
import { getDatastream } from "@/lib/datastreams/get-datastream";
import { listDatastreamSchemaVersions } from "@/lib/datastreams/list-datastream-schema-versions";
import { type ListPageProps, listQueryOf, loadCompanyPage, type SystemIds } from "@/lib/pages/load-company-page";
import { loadDatastreamOptions } from "@/lib/pages/load-datastream-options";
import { listRejectedRecords } from "@/lib/rejected-records/list-rejected-records";
import { rejectedRecordsQuerySchema } from "@/lib/rejected-records/schemas";
import { getDatastreamLineage } from "@/lib/stream-apps/get-lineage";
import { systemObjectPath, systemPath } from "@/lib/ui/console-paths";
import {
  createAlarmRuleAction,
  deleteAlarmRuleAction,
  deleteDatastreamAction,
  updateDatastreamAction,
} from "../actions";

export const metadata: Metadata = { title: "Datastream" };

export default async function DatastreamPage({
  params,
  searchParams,
}: ListPageProps<SystemIds & { datastreamId: string }>) {
  const rejectedQuery = await listQueryOf(rejectedRecordsQuerySchema, searchParams);
  const loaded = await loadCompanyPage(params, async ({ actor, systemId, datastreamId, can }) => {
    const canWrite = can("metadata.write");
    const [datastream, versions, rejected, options, impact, rules, lineage] = await Promise.all([
      getDatastream({ actor, datastreamId }),
      listDatastreamSchemaVersions({ actor, datastreamId }),
      listRejectedRecords({ actor, datastreamId, query: rejectedQuery }),
      canWrite ? loadDatastreamOptions(actor, systemId) : null,
      canWrite ? datastreamDeletionImpact({ actor, datastreamId }) : null,
      listAlarmRules({ actor, datastreamId }),
      getDatastreamLineage({ actor, datastreamId }),
    ]);
    if (datastream.systemId !== systemId) notFound();
    return { datastream, canWrite, versions, rejected, options, impact, rules, lineage };
  });
  const {
    companyId,
    systemId,
    datastreamId,
    datastream: d,
    canWrite,
    versions,
    rejected,
    options,
    impact,
    rules,
    lineage,
  } = loaded;
  const type = observationTypeInfo[d.observationType];
  const link = (href: string, label: string) => (
    <Link href={href} className="text-brand-700 hover:underline">
      {label}
    </Link>
  );
  return (
    <div className="space-y-6">
      <DetailHeader
        back={{ href: systemPath(companyId, systemId, "datastreams"), label: "Datastreams" }}
        title={d.name}
        badges={
          <>
            <Badge tone={d.observationType === "Observation" ? "blue" : "neutral"}>{d.observationType}</Badge>
            <Badge tone="neutral">v{d.schemaVersion}</Badge>
          </>
        }
        actions={
          canWrite && (
            <>
              {options && (
                <DatastreamFormDialog
                  systemName={d.system.name}
                  options={options}
                  datastream={{
                    name: d.name,
                    thing: d.thing,
                    description: d.description,
                    sensorId: d.sensorId,
                    observedPropertyId: d.observedPropertyId,
                    observationType: d.observationType,
                    unit: { name: d.unitName, symbol: d.unitSymbol, definition: d.unitDefinition },
                    resultSchema: d.resultSchema,
                  }}
                  datastreamsHref={systemPath(companyId, systemId, "datastreams")}
                  action={updateDatastreamAction.bind(null, companyId, systemId, datastreamId)}
                />
              )}
              {impact && (
                <DeleteDatastream
                  name={d.name}
                  impact={impact}
                  afterHref={systemPath(companyId, systemId, "datastreams")}
                  remove={deleteDatastreamAction.bind(null, companyId, systemId, datastreamId)}
                />
              )}
            </>
          )
        }
      />

      <DatastreamLiveData
        datastream={{
          id: d.id,
          name: d.name,
          fullName: d.fullName,
          observationType: d.observationType,
          unitSymbol: d.unitSymbol,
        }}
      />

      <AlarmRules
        observationType={d.observationType}
        unit={d.unitSymbol}
        rules={rules.map((r) => ({
          id: r.id,
          name: r.name,
          kind: r.kind,
          threshold: r.threshold,
          low: r.low,
          high: r.high,
          value: r.value,
          holdSeconds: r.holdSeconds,
          severity: r.severity,
          open: r.open !== null,
        }))}
        create={
          loaded.can("alarm.manage") ? createAlarmRuleAction.bind(null, companyId, systemId, datastreamId) : undefined
        }
        remove={
          loaded.can("alarm.manage") ? deleteAlarmRuleAction.bind(null, companyId, systemId, datastreamId) : undefined
        }
      />

      <DatastreamLineage companyId={companyId} lineage={lineage} />

      <Card>
        <CardHeader title="Datastream" />
        <CardBody className="space-y-4">
          <div>
            <p className="text-xs text-slate-500">Full name: the Kafka message key of its records</p>
            <p className="flex items-center gap-1 text-sm text-slate-900">
              <span className="font-mono text-sm break-words" data-testid="datastream-full-name">
                <DottedName name={d.fullName} />
              </span>
              <CopyButton
                text={d.fullName}
                label=""
                variant="ghost"
                aria-label="Copy full name"
                copiedMessage="Full name copied"
              />
            </p>
          </div>
          <Facts
            label="Datastream facts"
            facts={[
              {
                label: "Type",
                value: (
                  <>
                    {d.observationType}{" "}
                    <span className="text-slate-500">
                      ({type.result}, e.g. {type.example})
                    </span>
                  </>
                ),
                wide: true,
              },
              {
                label: "Unit",
                value:
                  d.unitName || d.unitSymbol ? (
                    <>
                      {d.unitName || "—"} <span className="font-mono text-xs">({d.unitSymbol || "no symbol"})</span>
                      {d.unitDefinition && (
                        <span className="block text-xs break-all text-slate-500">{d.unitDefinition}</span>
                      )}
                    </>
                  ) : (
                    none
                  ),
                wide: true,
              },
              {
                label: "Thing",
                value: link(systemObjectPath(companyId, systemId, "things", d.thing.id), d.thing.name),
              },
              {
                label: "Sensor",
                value: d.sensor
                  ? link(systemObjectPath(companyId, systemId, "sensors", d.sensor.id), d.sensor.name)
                  : none,
              },
              {
                label: "Observed property",
                value: d.observedProperty
                  ? link(
                      systemObjectPath(companyId, systemId, "observed-properties", d.observedProperty.id),
                      d.observedProperty.name,
                    )
                  : none,
              },
              descriptionFact(d.description),
              ...timestampFacts(d),
            ]}
          />
        </CardBody>
      </Card>

      <Card>
        <CardHeader
          title="Schema versions"
          description="A new type, unit or result schema makes a new version; records written under an earlier one stay readable with it."
        />
        <CardBody>
          <SchemaVersions versions={versions} current={d.schemaVersion} />
        </CardBody>
      </Card>

      <Card>
        <CardHeader
          title="Rejected records"
          description="Records of this datastream that a client could not use, with the reason. Nothing is dropped silently."
        />
        <CardBody>
          <RejectedRecords rejectedCount={rejected.rejectedCount} page={rejected} />
        </CardBody>
      </Card>
    </div>
  );
}
