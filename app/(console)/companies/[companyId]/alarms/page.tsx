import type { Metadata } from "next";
import { AlarmsTable } from "@/components/alarms/alarms-table";
import { PageHeader } from "@/components/ui/page-header";
import { listAlarms } from "@/lib/alarms/list-alarms";
import { alarmListQuerySchema } from "@/lib/alarms/schemas";
import { type ListPageProps, listQueryOf, loadCompanyPage } from "@/lib/pages/load-company-page";
import { acknowledgeAlarmAction } from "./actions";

export const metadata: Metadata = { title: "Alarms" };

export default async function AlarmsPage({ params, searchParams }: ListPageProps<{ companyId: string }>) {
  const query = await listQueryOf(alarmListQuerySchema, searchParams);
  const { companyId, can, alarms } = await loadCompanyPage(params, async ({ actor, companyId }) => ({
    alarms: await listAlarms({ actor, companyId, query }),
  }));
  return (
    <>
      <PageHeader
        title="Alarms"
        description="Raised by the alarm rules of the company's datastreams, evaluated on the server once per record. Acknowledge one to say someone is on it."
      />
      <AlarmsTable
        companyId={companyId}
        page={{
          ...alarms,
          items: alarms.items.map((a) => ({
            id: a.id,
            severity: a.severity,
            state: a.state,
            message: a.message,
            raisedAt: a.raisedAt,
            lastAt: a.lastAt,
            clearedAt: a.clearedAt,
            occurrences: a.occurrences,
            acknowledgedAt: a.acknowledgedAt,
            acknowledgedBy: a.acknowledgedBy,
            rule: a.rule.name,
            datastream: a.rule.datastream,
          })),
        }}
        state={query.state}
        acknowledge={can("alarm.acknowledge") ? acknowledgeAlarmAction.bind(null, companyId) : undefined}
      />
    </>
  );
}
