import Link from "next/link";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { getDatastreamLineage } from "@/lib/stream-apps/get-lineage";
import { streamAppPath } from "@/lib/ui/console-paths";

type Lineage = Awaited<ReturnType<typeof getDatastreamLineage>>;

/** Which stream apps read a datastream (for which companies, into which systems), and what feeds a join's output. */
export function DatastreamLineage({ companyId, lineage }: { companyId: string; lineage: Lineage }) {
  const app = (a: { id: string | null; name: string; running: boolean }) => (
    <>
      {a.id ? (
        <Link className="text-brand-700 hover:underline" href={streamAppPath(companyId, a.id)}>
          {a.name}
        </Link>
      ) : (
        <span className="font-medium">{a.name}</span>
      )}{" "}
      <span className="text-xs text-slate-500">({a.running ? "deployed" : "stopped"})</span>
    </>
  );
  return (
    <Card>
      <CardHeader
        title="Lineage"
        description="Stream apps whose query can select this datastream's records, and what feeds it."
      />
      <CardBody className="space-y-2 text-sm">
        {lineage.readBy.length === 0 && lineage.fedBy.length === 0 && (
          <p className="text-slate-500">No stream app reads it or feeds it.</p>
        )}
        {lineage.readBy.length > 0 && (
          <ul aria-label="Read by" className="space-y-1">
            {lineage.readBy.map((r) => (
              <li key={`${r.company}/${r.app.name}`}>
                Read by {app(r.app)} of {r.company} into {r.targetSystem}.ext
              </li>
            ))}
          </ul>
        )}
        {lineage.fedBy.length > 0 && (
          <ul aria-label="Fed by" className="space-y-1">
            {lineage.fedBy.map((f) => (
              <li key={f.app.name}>
                Fed by {app(f.app)} from {f.sources.join(", ")}
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}
