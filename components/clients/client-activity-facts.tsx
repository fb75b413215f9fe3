import { ageOf } from "@/components/live/values";
import { formatCount } from "@/lib/ui/format";

export interface ClientActivityView {
  lastProducedAt: Date | null;
  producedPerMinute: number;
  lastConsumedAt: Date | null;
  consumedPerMinute: number;
  lag: bigint | null;
  groupState: string | null;
  groupMembers: number;
  polledAt: Date | null;
}

const age = (d: Date | null, now: number) => (d ? ageOf(d.getTime(), now) : "never seen");

/** When a client last produced and consumed, its rates and its group's lag, as the console last saw them. */
export function ClientActivityFacts({ activity, now }: { activity: ClientActivityView | null; now: number }) {
  const a = activity;
  const group = !a?.polledAt
    ? "not read yet"
    : `${a.groupState ?? "no group"}${a.groupMembers > 0 ? `, ${a.groupMembers} connected` : ""}`;
  const facts = [
    { label: "Last produced", value: age(a?.lastProducedAt ?? null, now) },
    { label: "Produced", value: `${a?.producedPerMinute ?? 0}/min` },
    { label: "Last consumed", value: age(a?.lastConsumedAt ?? null, now) },
    { label: "Consumed", value: `${a?.consumedPerMinute ?? 0}/min` },
    { label: "Consumer group", value: group },
    { label: "Lag", value: a?.lag == null ? "no committed position" : `${formatCount(a.lag.toString())} records` },
  ];
  return (
    <dl className="grid grid-cols-2 gap-x-4 gap-y-3" aria-label="Client activity">
      {facts.map((f) => (
        <div key={f.label}>
          <dt className="text-xs text-slate-500">{f.label}</dt>
          <dd className="text-sm text-slate-900">{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}
