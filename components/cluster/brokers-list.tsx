import { Server } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { CompanyCluster } from "@/lib/cluster/describe-company-cluster";
import { plural } from "@/lib/ui/format";

export function BrokersList({ cluster }: { cluster: Pick<CompanyCluster, "brokers" | "controller" | "clusterId"> }) {
  return (
    <Card aria-labelledby="brokers-heading">
      <CardHeader
        title={<span id="brokers-heading">Brokers</span>}
        description={
          <>
            Cluster <code className="font-mono text-xs">{cluster.clusterId}</code>,{" "}
            {plural(cluster.brokers.length, "broker")}
          </>
        }
      />
      <CardBody>
        <ul className="flex flex-wrap gap-3">
          {cluster.brokers.map((b) => (
            <li
              key={b.nodeId}
              className="flex items-center gap-2 rounded-md bg-slate-50 px-3 py-2 text-sm ring-1 ring-slate-200"
            >
              <Server className="size-4 text-slate-400" aria-hidden />
              <span>
                Broker {b.nodeId} <code className="font-mono text-xs text-slate-500">{`${b.host}:${b.port}`}</code>
              </span>
              {cluster.controller === b.nodeId && <Badge tone="blue">controller</Badge>}
            </li>
          ))}
        </ul>
      </CardBody>
    </Card>
  );
}
