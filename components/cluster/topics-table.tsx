import { Database } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { ClusterTopic } from "@/lib/cluster/describe-company-cluster";
import { formatBytes, formatCount, formatRetention } from "@/lib/ui/format";

/** The company's topics with partitions, start and end offsets, size and retention; partitions fold out. */
export function TopicsTable({ topics, sizesUnavailable }: { topics: ClusterTopic[]; sizesUnavailable?: string }) {
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
        <div className="overflow-x-auto">
          <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label="Topics">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  Topic
                </th>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  Partitions
                </th>
                <th scope="col" className="px-4 py-2.5 text-right font-medium">
                  Records
                </th>
                <th scope="col" className="px-4 py-2.5 text-right font-medium">
                  Size
                </th>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  Retention
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {topics.map((t) => (
                <tr key={t.name} className="align-top" data-topic={t.name}>
                  <td className="px-4 py-2.5">
                    <code className="font-mono text-xs break-all">{t.name}</code>
                    {!t.exists && (
                      <Badge tone="amber" className="ml-2">
                        not on the cluster
                      </Badge>
                    )}
                  </td>
                  <td className="px-4 py-2.5">
                    {t.exists ? (
                      <details>
                        <summary className="cursor-pointer text-slate-700">{t.partitions.length}</summary>
                        <table className="mt-2 text-xs" aria-label={`Partitions of ${t.name}`}>
                          <thead className="text-slate-500">
                            <tr>
                              <th scope="col" className="pr-3 text-left font-medium">
                                #
                              </th>
                              <th scope="col" className="pr-3 text-right font-medium">
                                start
                              </th>
                              <th scope="col" className="pr-3 text-right font-medium">
                                end
                              </th>
                              <th scope="col" className="pr-3 text-right font-medium">
                                size
                              </th>
                              <th scope="col" className="text-left font-medium">
                                leader
                              </th>
                            </tr>
                          </thead>
                          <tbody className="font-mono tabular-nums">
                            {t.partitions.map((p) => (
                              <tr key={p.partition}>
                                <td className="pr-3">{p.partition}</td>
                                <td className="pr-3 text-right">{formatCount(p.start)}</td>
                                <td className="pr-3 text-right">{formatCount(p.end)}</td>
                                <td className="pr-3 text-right">{p.bytes === null ? "—" : formatBytes(p.bytes)}</td>
                                <td>{p.leader}</td>
                              </tr>
                            ))}
                          </tbody>
                        </table>
                      </details>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td className="px-4 py-2.5 text-right font-mono tabular-nums">{formatCount(t.records)}</td>
                  <td className="px-4 py-2.5 text-right tabular-nums">
                    {t.bytes === null ? "—" : formatBytes(t.bytes)}
                  </td>
                  <td className="px-4 py-2.5">
                    {formatRetention(t.retentionMs)}
                    {t.cleanupPolicy && t.cleanupPolicy !== "delete" && (
                      <Badge tone="amber" className="ml-2">
                        {t.cleanupPolicy}
                      </Badge>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
