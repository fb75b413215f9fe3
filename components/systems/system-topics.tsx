import { CopyButton } from "@/components/ui/copy-button";
import { systemTopics } from "@/lib/topology/system-topics";

const purposes = {
  int: "Its clients' data: they write and read it",
  ext: "Data other systems push in through stream apps: its clients read it",
  log: "Its clients' logs: they write it",
} as const;

/** The system's three Kafka topics and what each is for. */
export function SystemTopics({ systemName }: { systemName: string }) {
  const topics = systemTopics(systemName);
  return (
    <ul className="divide-y divide-slate-100" aria-label="Kafka topics">
      {(Object.keys(topics) as (keyof typeof topics)[]).map((key) => (
        <li key={key} className="flex flex-wrap items-center justify-between gap-2 py-2.5 first:pt-0 last:pb-0">
          <div className="min-w-0">
            <p className="font-mono text-sm break-all text-slate-900">{topics[key]}</p>
            <p className="text-xs text-slate-500">{purposes[key]}</p>
          </div>
          <CopyButton
            text={topics[key]}
            label=""
            aria-label={`Copy ${topics[key]}`}
            variant="ghost"
            copiedMessage={`${topics[key]} copied`}
          />
        </li>
      ))}
    </ul>
  );
}
