"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Download, Pencil, Play, Square, Trash2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import type { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { StaticTable } from "@/components/ui/static-table";
import type { ActionResult } from "@/lib/actions/run-action";
import { listStreamAppLogEndpoint, streamAppSchema } from "@/lib/api/endpoints/stream-apps";
import { apiFetch } from "@/lib/ui/api-fetch";
import { streamAppPath, systemPath } from "@/lib/ui/console-paths";
import { formatUtc } from "@/lib/ui/format-utc";
import { AppStateBadge } from "./app-state-badge";
import { JoinDefinition, JoinStateCard } from "./join-view";

export type StreamAppData = z.output<typeof streamAppSchema>;
type LogLine = z.output<NonNullable<typeof listStreamAppLogEndpoint.response>>[number];

/** Query keys of an app's live data. */
export const streamAppKeys = {
  app: (appId: string) => ["stream-app", appId] as const,
  log: (appId: string) => ["stream-app", appId, "log"] as const,
};

const count = (n: number | null) => (n === null ? "–" : n.toLocaleString("en"));
const time = (iso: string | null) => (iso ? formatUtc(new Date(iso)) : "–");

function Metric({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="rounded-md bg-slate-50 px-3 py-2" title={hint}>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-lg font-semibold text-slate-900 tabular-nums" data-metric={label}>
        {value}
      </dd>
    </div>
  );
}

/**
 * An app's page: its state (and why), metrics and log, refreshed every two seconds while it is open; sources, query
 * and versions; deploy, stop, edit and delete for those who may.
 */
export function StreamAppView({
  companyId,
  initial,
  actions,
}: {
  companyId: string;
  initial: StreamAppData;
  actions: {
    deploy: () => Promise<ActionResult<{ version: number }>>;
    stop: () => Promise<ActionResult<{ version: number }>>;
    remove: () => Promise<ActionResult<{ href: string }>>;
  };
}) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const appId = initial.id;
  const { data: app = initial, error } = useQuery({
    queryKey: streamAppKeys.app(appId),
    queryFn: () =>
      apiFetch(`/api/v1/stream-apps/${appId}`, { schema: streamAppSchema, failure: "Reading the app failed" }),
    initialData: initial,
    refetchInterval: 2000,
  });
  const log = useQuery({
    queryKey: streamAppKeys.log(appId),
    queryFn: () =>
      apiFetch(`/api/v1/stream-apps/${appId}/log?limit=200`, {
        schema: listStreamAppLogEndpoint.response as NonNullable<typeof listStreamAppLogEndpoint.response>,
        failure: "Reading the log failed",
      }),
    refetchInterval: 3000,
  });
  const [pending, setPending] = useState<string | undefined>();
  const run = async (name: string, work: () => Promise<ActionResult<unknown>>, done: string) => {
    setPending(name);
    const result = await work();
    setPending(undefined);
    if (!result.ok) {
      toast.error(result.error);
      return false;
    }
    toast.success(done);
    await queryClient.invalidateQueries({ queryKey: streamAppKeys.app(appId) });
    return true;
  };
  const m = app.metrics;
  const running = app.desiredState === "running";
  return (
    <div className="space-y-6">
      {error && <Alert tone="warning">Not refreshed: {(error as Error).message}</Alert>}
      <Card>
        <CardHeader
          title={
            <span className="flex flex-wrap items-center gap-2">
              State <AppStateBadge state={app.status.state} reason={app.status.reason} />
              <span className="text-xs font-normal text-slate-500">
                {app.status.workers} worker{app.status.workers === 1 ? "" : "s"} · version {app.version}
              </span>
            </span>
          }
          description={
            app.status.reason ? (
              <span data-testid="app-reason">{app.status.reason}</span>
            ) : running ? (
              "Running: records flow as they arrive."
            ) : (
              "Stopped: deploy it to start; it continues where it stopped."
            )
          }
          actions={
            app.canManage && (
              <div className="flex flex-wrap gap-2">
                {running ? (
                  <Button
                    variant="secondary"
                    pending={pending === "stop"}
                    onClick={() => run("stop", actions.stop, "Stopped: workers let go of it within seconds")}
                  >
                    <Square className="size-4" aria-hidden /> Stop
                  </Button>
                ) : (
                  <Button
                    pending={pending === "deploy"}
                    onClick={() => run("deploy", actions.deploy, "Deployed: a worker picks it up within seconds")}
                  >
                    <Play className="size-4" aria-hidden /> Deploy
                  </Button>
                )}
                <Button asChild variant="secondary">
                  <Link href={streamAppPath(companyId, appId, "edit")}>
                    <Pencil className="size-4" aria-hidden /> Edit
                  </Link>
                </Button>
                <ConfirmDialog
                  trigger={
                    <Button variant="ghost">
                      <Trash2 className="size-4" aria-hidden /> Delete
                    </Button>
                  }
                  title={`Delete ${app.name}?`}
                  confirmLabel="Delete stream app"
                  typeToConfirm={app.name}
                  onConfirm={async () => {
                    const result = await actions.remove();
                    if (!result.ok) {
                      toast.error(result.error);
                      return false;
                    }
                    toast.success(`${app.name} deleted`);
                    router.push(result.data.href);
                    return true;
                  }}
                >
                  Workers stop it within seconds; its Kafka credential and ACLs are removed, and its log, metrics and
                  versions are deleted. What it wrote into {app.targetSystemName}.ext stays.
                </ConfirmDialog>
              </div>
            )
          }
        />
        <CardBody>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" aria-label="Metrics">
            <Metric label="Records in" value={count(m.recordsIn)} />
            <Metric label="Records out" value={count(m.recordsOut)} />
            <Metric label="Filtered out" value={count(m.filteredOut)} />
            <Metric label="Failed to decode" value={count(m.decodeFailed)} hint="Also listed under Rejected records" />
            <Metric label="Missing paths" value={count(m.missingPath)} />
            <Metric label="Type mismatches" value={count(m.typeMismatch)} />
            {app.kind === "join" && (
              <Metric
                label="Late records"
                value={count(m.lateRecords)}
                hint="Behind their partition's watermark by more than the allowed lateness: counted and logged, not joined"
              />
            )}
            <Metric label="Lag" value={count(m.lag)} hint="Records behind the ends of its source partitions" />
            <Metric label="Newest record" value={time(m.lastRecordAt)} hint="Phenomenon time, UTC" />
          </dl>
          <p className="mt-2 text-xs text-slate-500">Updated {time(m.updatedAt)} UTC · refreshed every 2 s</p>
        </CardBody>
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader
            title="From → into"
            description={
              <>
                Into{" "}
                {app.targetSystemId ? (
                  <Link className="text-brand-700 hover:underline" href={systemPath(companyId, app.targetSystemId)}>
                    {app.targetSystemName}.ext
                  </Link>
                ) : (
                  <span className="text-red-700">{app.targetSystemName} (deleted)</span>
                )}
              </>
            }
          />
          <CardBody>
            {app.sources.length === 0 ? (
              <p className="text-sm text-slate-500">No source system it may read.</p>
            ) : (
              <StaticTable
                label="Sources"
                density="compact"
                rows={app.sources}
                rowKey={(s) => s.systemId}
                columns={[
                  { header: "System", className: "break-all", cell: (s) => `${s.systemName}.int` },
                  {
                    header: "Read as",
                    cell: (s) =>
                      s.own
                        ? "own system"
                        : `granted by ${s.company}${s.grant ? ` (${s.grant.datastreams}${s.grant.filter ? `, ${s.grant.filter}` : ""})` : ""}`,
                  },
                ]}
              />
            )}
          </CardBody>
        </Card>
        <Card>
          <CardHeader
            title={app.spec ? "Join" : "Query"}
            description={`Version ${app.version}; principal ${app.principal}`}
          />
          <CardBody className="space-y-3">
            {app.spec ? (
              <JoinDefinition spec={app.spec} target={app.targetSystemName} />
            ) : (
              <pre className="overflow-x-auto rounded-md bg-slate-50 p-3 font-mono text-xs whitespace-pre-wrap">
                {app.query}
              </pre>
            )}
            {app.versions.length > 1 && (
              <details>
                <summary className="cursor-pointer text-sm text-slate-700">Earlier versions</summary>
                <ul className="mt-2 space-y-2">
                  {app.versions.slice(1).map((v) => (
                    <li key={v.version} className="text-xs">
                      <p className="text-slate-500">
                        v{v.version} · {v.createdBy} · {time(v.createdAt)}
                      </p>
                      <pre className="font-mono whitespace-pre-wrap">{v.query}</pre>
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </CardBody>
        </Card>
      </div>

      {app.spec && <JoinStateCard spec={app.spec} runners={app.runners} />}

      {(m.partitions.length > 0 || app.runners.length > 0) && (
        <Card>
          <CardHeader title="Partitions and workers" description="Kafka's group protocol shares the partitions out." />
          <CardBody className="grid gap-4 lg:grid-cols-2">
            <StaticTable
              label="Partitions"
              density="compact"
              rows={m.partitions}
              rowKey={(p) => `${p.topic}#${p.partition}`}
              columns={[
                { header: "Partition", className: "break-all", cell: (p) => `${p.topic}#${p.partition}` },
                { header: "Position", className: "text-right tabular-nums", cell: (p) => count(p.position) },
                { header: "Lag", className: "text-right tabular-nums", cell: (p) => count(p.lag) },
              ]}
            />
            <StaticTable
              label="Workers"
              density="compact"
              rows={app.runners}
              rowKey={(r) => r.workerId}
              columns={[
                { header: "Worker", className: "break-all", cell: (r) => r.workerId },
                { header: "State", cell: (r) => `${r.state}${r.reason ? `: ${r.reason}` : ""}` },
                { header: "Holds", className: "break-all", cell: (r) => r.partitions.length },
                { header: "Seen", className: "whitespace-nowrap", cell: (r) => time(r.heartbeatAt) },
              ]}
            />
          </CardBody>
        </Card>
      )}

      <Card>
        <CardHeader
          title="Log"
          description="The newest lines first (the app keeps its newest 2000)."
          actions={
            <Button asChild variant="secondary">
              <a href={`/api/v1/stream-apps/${appId}/log.txt`} download>
                <Download className="size-4" aria-hidden /> Download
              </a>
            </Button>
          }
        />
        <CardBody>
          {log.isPending ? (
            <p className="text-sm text-slate-500">Loading the log…</p>
          ) : log.error ? (
            <Alert tone="error">{(log.error as Error).message}</Alert>
          ) : (log.data ?? []).length === 0 ? (
            <p className="text-sm text-slate-500">Nothing logged yet.</p>
          ) : (
            <ol className="max-h-96 space-y-1 overflow-y-auto font-mono text-xs" aria-label="App log">
              {(log.data as LogLine[]).map((l) => (
                <li
                  key={l.id}
                  className={l.level === "error" ? "text-red-700" : l.level === "warn" ? "text-amber-800" : ""}
                >
                  <span className="text-slate-400">{time(l.at)}</span> {l.message}
                </li>
              ))}
            </ol>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
