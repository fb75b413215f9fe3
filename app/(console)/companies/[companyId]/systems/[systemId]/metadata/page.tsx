import type { Metadata } from "next";
import { ExportCard } from "@/components/metadata-io/export-card";
import { ImportPanel } from "@/components/metadata-io/import-panel";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { getMetadataSystem } from "@/lib/metadata-system";

import { loadCompanyPage, type SystemIds } from "@/lib/pages/load-company-page";
import { systemPath } from "@/lib/ui/console-paths";

export const metadata: Metadata = { title: "Import / export" };

export default async function MetadataImportExportPage({ params }: { params: Promise<SystemIds> }) {
  const loaded = await loadCompanyPage(params, async ({ actor, systemId }) => ({
    system: await getMetadataSystem({ actor, systemId, action: "metadata.read" }),
  }));
  const { companyId, systemId, company, can, system } = loaded;
  const canImport = can("metadata.write");
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader
          title="Import"
          description="Create and update things, sensors, observed properties and datastreams from a file."
        />
        <CardBody>
          {canImport ? (
            <ImportPanel
              systemId={system.id}
              systemName={system.name}
              datastreamsHref={systemPath(companyId, systemId, "datastreams")}
            />
          ) : (
            <p className="text-sm text-slate-500">
              Only admins and engineers import metadata; your role ({company.role}) may export it below.
            </p>
          )}
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Export" description={`${system.name}'s metadata as a file to download.`} />
        <CardBody>
          <ExportCard systemId={system.id} />
        </CardBody>
      </Card>
    </div>
  );
}
