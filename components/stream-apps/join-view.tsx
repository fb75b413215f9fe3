import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { StaticTable } from "@/components/ui/static-table";
import { formatUtc } from "@/lib/ui/format-utc";
import type { StreamAppData } from "./stream-app-view";

type Spec = NonNullable<StreamAppData["spec"]>;
type JoinState = NonNullable<StreamAppData["runners"][number]["joinState"]>;

const ms = (n: number) => (n % 1000 === 0 ? `${n / 1000} s` : `${n} ms`);
const bytes = (n: number) =>
  n >= 1_048_576 ? `${(n / 1_048_576).toFixed(1)} MiB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${n} B`;

/** A join's definition as its page shows it: inputs, tolerance (both bounds inclusive), mode, output. */
export function JoinDefinition({ spec, target }: { spec: Spec; target: string }) {
  return (
    <div className="space-y-3 text-sm" data-testid="join-definition">
      <StaticTable
        label="Inputs"
        density="compact"
        rows={spec.inputs}
        rowKey={(i) => i.name}
        columns={[
          { header: "Input", cell: (i) => <span className="font-medium">{i.name}</span> },
          { header: "Query", className: "break-all", cell: (i) => <code className="text-xs">{i.query}</code> },
        ]}
      />
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-xs">
        <dt className="text-slate-500">Tolerance</dt>
        <dd>|t₁ − t₂| ≤ {ms(spec.toleranceMs)} (both bounds inclusive)</dd>
        <dt className="text-slate-500">Pairs</dt>
        <dd>{spec.mode === "all" ? "every record within the tolerance" : "the preceding and succeeding record"}</dd>
        <dt className="text-slate-500">Allowed lateness</dt>
        <dd>{ms(spec.allowedLatenessMs)}</dd>
        <dt className="text-slate-500">Idle after</dt>
        <dd>{ms(spec.idleTimeoutMs)} of silence at a partition's end</dd>
        <dt className="text-slate-500">Output</dt>
        <dd className="break-all">
          {target}.{spec.output.thing}.{spec.output.datastream} ({spec.output.observationType}
          {spec.output.unit.symbol ? `, ${spec.output.unit.symbol}` : ""})
        </dd>
        <dt className="text-slate-500">Value</dt>
        <dd>
          <code className="break-all">{spec.output.value}</code>
        </dd>
        {spec.output.where.trim() !== "" && (
          <>
            <dt className="text-slate-500">WHERE</dt>
            <dd>
              <code className="break-all">{spec.output.where}</code>
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}

/** What the worker running the join holds: records and bytes per input, watermarks, idle partitions. */
export function JoinStateCard({ spec, runners }: { spec: Spec; runners: StreamAppData["runners"] }) {
  const state: JoinState | null = runners.find((r) => r.state === "running" && r.joinState)?.joinState ?? null;
  return (
    <Card>
      <CardHeader
        title="Join state"
        description="Held in memory by the worker running the join and checkpointed with every transaction; bounded by the tolerance, the lateness and the input rates."
      />
      <CardBody>
        {!state ? (
          <p className="text-sm text-slate-500">No worker runs the join now.</p>
        ) : (
          <div className="space-y-3">
            <p className="text-sm" data-testid="join-state">
              {state.buffered.toLocaleString("en")} records held, about {bytes(state.stateBytes)};{" "}
              {state.pairsEmitted.toLocaleString("en")} pairs emitted; every pair before{" "}
              {state.watermark ? `${formatUtc(new Date(state.watermark))} UTC` : "the first watermark"} is out.
            </p>
            <StaticTable
              label="Inputs"
              density="compact"
              rows={spec.inputs.map((i, n) => ({ name: i.name, n }))}
              rowKey={(r) => r.name}
              columns={[
                { header: "Input", cell: (r) => r.name },
                { header: "Held", cell: (r) => (state.bufferedPerInput[r.n] ?? 0).toLocaleString("en") },
                {
                  header: "Watermark",
                  cell: (r) => {
                    const w = state.watermarkPerInput[r.n];
                    return w ? `${formatUtc(new Date(w))} UTC` : "–";
                  },
                },
                { header: "Late", cell: (r) => (state.latePerInput[r.n] ?? 0).toLocaleString("en") },
              ]}
            />
            {state.idlePartitions.length > 0 && (
              <p className="text-xs text-slate-500 break-all">
                Idle (not holding the join back): {state.idlePartitions.join(", ")}
              </p>
            )}
          </div>
        )}
      </CardBody>
    </Card>
  );
}
