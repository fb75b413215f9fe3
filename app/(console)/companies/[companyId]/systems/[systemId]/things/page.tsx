import type { Metadata } from "next";
import { entityRows } from "@/components/metadata/entity-rows";
import { Section } from "@/components/metadata/section";
import { ThingFormDialog } from "@/components/things/thing-form-dialog";
import { ThingsTable } from "@/components/things/things-table";
import { type ListPageProps, listQueryOf, loadSystemPage, type SystemIds } from "@/lib/pages/load-company-page";
import { listThings } from "@/lib/things/list-things";
import { thingListQuerySchema } from "@/lib/things/schemas";
import { systemPath } from "@/lib/ui/console-paths";
import { createThingAction } from "./actions";

export const metadata: Metadata = { title: "Things" };

export default async function ThingsPage({ params, searchParams }: ListPageProps<SystemIds>) {
  const query = await listQueryOf(thingListQuerySchema, searchParams);
  const loaded = await loadSystemPage(params, async ({ actor, systemId }) => ({
    things: await listThings({ actor, systemId, query }),
  }));
  const { companyId, systemId, can, system, things } = loaded;
  const thingsHref = systemPath(companyId, systemId, "things");
  const create = can("metadata.write") && (
    <ThingFormDialog
      systemName={system.name}
      thingsHref={thingsHref}
      action={createThingAction.bind(null, companyId, systemId)}
    />
  );
  return (
    <Section
      title="Things"
      description="The system's assets. Each datastream belongs to one, and is named system.thing.datastream."
      action={(things.total > 0 || query.q) && create}
    >
      <ThingsTable
        thingsHref={thingsHref}
        page={entityRows(things, (t) => ({ description: t.description }))}
        sort={query.sort}
        order={query.order}
        q={query.q}
        emptyAction={create || undefined}
      />
    </Section>
  );
}
