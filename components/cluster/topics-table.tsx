import { Database } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { StaticTable } from "@/components/ui/static-table";
import type { ClusterTopic } from "@/lib/cluster/describe-company-cluster";
import { formatBytes, formatCount, formatRetention } from "@/lib/ui/format";

/** A topic's partitions, folded out of its row. */
function Partitions({ topic }: { topic: ClusterTopic }) {
  return (
    <details>
      <summary className="cursor-pointer text-slate-700">{topic.partitions.length}</summary>
      <StaticTable
        label={`Partitions of ${topic.name}`}
        density="tight"
        className="mt-2"
        headClassName="text-left text-slate-500"
        bodyClassName="divide-y-0 font-mono tabular-nums"
        rows={topic.partitions}
        rowKey={(p) => p.partition}
        columns={[
          { header: "#", cell: (p) => p.partition },
          { header: "start", className: "text-right", cell: (p) => formatCount(p.start) },
          { header: "end", className: "text-right", cell: (p) => formatCount(p.end) },
          { header: "size", className: "text-right", cell: (p) => (p.bytes === null ? "—" : formatBytes(p.bytes)) },
          { header: "leader", cell: (p) => p.leader },
        ]}
      />
    </details>
  );
}

/** The company's topics with partitions, start and end offsets, size and retention; partitions fold out. */
export function TopicsTable({
  topics,
  sizesUnavailable,
  messagesHref,
}: {
  topics: ClusterTopic[];
  sizesUnavailable?: string;
  /** Where a topic's messages view is, for roles that may browse topics. */
  messagesHref?: (topic: ClusterTopic) => string;
}) {
  return (
    <Card aria-labelledby="topics-heading">
      <CardHeader
        title={<span id="topics-heading">Topics</span>}
        description={
          sizesUnavailable
            ? `Sizes are unavailable (${sizesUnavailable}).`
            : "Size is one replica's bytes on disk; records are end minus start offsets, summed over partitions."
        }
      />
      {topics.length === 0 ? (
        <EmptyState icon={<Database className="size-10" aria-hidden />} title="No topics yet">
          Each system of the company gets the topics .int, .ext and .log; create a system to see them here.
        </EmptyState>
      ) : (
        <StaticTable
          label="Topics"
          rows={topics}
          rowKey={(t) => t.name}
          rowProps={(t) => ({ "data-topic": t.name })}
          columns={[
            {
              header: "Topic",
              // Wide enough for a name to read; a narrow screen scrolls the table instead.
              className: "min-w-56",
              cell: (t) => (
                <>
                  <code className="font-mono text-xs break-all">{t.name}</code>
                  {!t.exists && (
                    <Badge tone="amber" className="ml-2">
                      not on the cluster
                    </Badge>
                  )}
                  {t.exists && messagesHref && (
                    <Link className="ml-2 text-xs text-brand-700 underline" href={messagesHref(t)}>
                      messages
                    </Link>
                  )}
                </>
              ),
            },
            { header: "Partitions", cell: (t) => (t.exists ? <Partitions topic={t} /> : "—") },
            {
              header: "Records",
              className: "text-right font-mono tabular-nums",
              cell: (t) => formatCount(t.records),
            },
            {
              header: "Size",
              className: "text-right tabular-nums",
              cell: (t) => (t.bytes === null ? "—" : formatBytes(t.bytes)),
            },
            {
              header: "Retention",
              className: "whitespace-nowrap",
              cell: (t) => (
                <>
                  {formatRetention(t.retentionMs)}
                  {t.cleanupPolicy && t.cleanupPolicy !== "delete" && (
                    <Badge tone="amber" className="ml-2">
                      {t.cleanupPolicy}
                    </Badge>
                  )}
                </>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
