import type { Metadata } from "next";
import Link from "next/link";
import { AclsList } from "@/components/cluster/acls-list";
import { BrokersList } from "@/components/cluster/brokers-list";
import { GroupsList } from "@/components/cluster/groups-list";
import { TopicsTable } from "@/components/cluster/topics-table";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { describeCompanyCluster } from "@/lib/cluster/describe-company-cluster";
import { isAppError } from "@/lib/errors";
import { loadCompanyPage } from "@/lib/pages/load-company-page";
import { companyPath, systemPath } from "@/lib/ui/console-paths";
import { previewOffsetResetAction, resetOffsetsAction } from "./actions";

export const metadata: Metadata = { title: "Cluster" };

export default async function ClusterPage({ params }: { params: Promise<{ companyId: string }> }) {
  // Kafka being away is not a page error: the page renders and says so.
  const loaded = await loadCompanyPage(params, async ({ actor, companyId }) => {
    try {
      return { cluster: await describeCompanyCluster({ actor, companyId }), unavailable: undefined };
    } catch (error) {
      if (!isAppError(error) || error.code !== "unavailable") throw error;
      return { cluster: undefined, unavailable: error.message };
    }
  });
  const { companyId, can, cluster, unavailable } = loaded;
  const canManage = can("cluster.manage");

  return (
    <>
      <PageHeader
        title="Cluster"
        description="The Kafka cluster as far as this company owns it: its systems' topics, their consumer groups, and the ACLs on them."
      />
      {!cluster ? (
        <Alert tone="error" title="Kafka is unreachable, so this page cannot show the cluster">
          <p>{unavailable}</p>
          <p className="mt-1">
            Everything registered in Rhei is kept; the reconciler provisions it once Kafka is back. See the{" "}
            <Link className="underline" href="/status">
              status page
            </Link>{" "}
            and the{" "}
            <Link className="underline" href={companyPath(companyId, "provisioning")}>
              provisioning overview
            </Link>
            .
          </p>
        </Alert>
      ) : (
        <div className="space-y-8">
          <BrokersList cluster={cluster} />
          <TopicsTable
            topics={cluster.topics}
            sizesUnavailable={cluster.sizesUnavailable}
            messagesHref={
              can("topic.browse")
                ? (t) =>
                    `${systemPath(companyId, t.systemId, "messages")}?topic=${t.name.slice(t.name.lastIndexOf(".") + 1)}`
                : undefined
            }
          />
          <GroupsList
            groups={cluster.groups}
            canManage={canManage}
            preview={previewOffsetResetAction.bind(null, companyId)}
            reset={resetOffsetsAction.bind(null, companyId)}
          />
          <AclsList acls={cluster.acls} />
        </div>
      )}
    </>
  );
}
