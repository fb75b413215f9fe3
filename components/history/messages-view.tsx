"use client";
import { useQuery } from "@tanstack/react-query";
import { format } from "date-fns";
import { Radio } from "lucide-react";
import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import { type StaticColumn, StaticTable } from "@/components/ui/static-table";
import type { BrowsedMessage } from "@/lib/history/messages-schemas";
import { fetchMessages } from "@/lib/history-client/history-api";
import { historyKeys } from "@/lib/history-client/history-keys";
import { ResultCell } from "./result-cell";
import { toLocalInput } from "./selection-bar";

type Mode = "time" | "offset" | "key";
/** Messages a live tail keeps on screen at most (the newest). */
const TAIL_KEEP = 500;

/**
 * A Kafka console's view of one of the system's topics: its messages from a time, from an offset of a partition,
 * or with a key, decoded with their datastream, partition and offset (or why they are no record); or a live tail,
 * polled every two seconds from where the last answer ended.
 */
export function MessagesView({ systemId, initialTopic }: { systemId: string; initialTopic: "int" | "ext" | "log" }) {
  const [topic, setTopic] = useState(initialTopic);
  const [mode, setMode] = useState<Mode>("time");
  const [from, setFrom] = useState(() => toLocalInput(new Date(Date.now() - 3_600_000).toISOString()));
  const [partition, setPartition] = useState("0");
  const [offset, setOffset] = useState("0");
  const [key, setKey] = useState("");
  const [limit, setLimit] = useState("50");
  const [params, setParams] = useState<Record<string, string>>(() => ({
    topic: initialTopic,
    from: new Date(Date.now() - 3_600_000).toISOString(),
    limit: "50",
  }));
  const [tail, setTail] = useState<{ positions: string; messages: BrowsedMessage[] } | undefined>();

  const page = useQuery({
    queryKey: historyKeys.messages(systemId, params),
    queryFn: ({ signal }) => fetchMessages(systemId, params, signal),
    enabled: tail === undefined,
    retry: false,
  });

  // The live tail: where the last answer ended, asked again every two seconds; the newest messages stay on top.
  useEffect(() => {
    if (!tail) return;
    let stopped = false;
    const timer = setInterval(() => {
      void fetchMessages(systemId, { topic, after: tail.positions, limit: 200 })
        .then((answer) => {
          if (stopped) return;
          setTail((t) =>
            t && answer.messages.length + t.messages.length >= 0
              ? {
                  positions: answer.positions,
                  messages: [...answer.messages.reverse(), ...t.messages].slice(0, TAIL_KEEP),
                }
              : t,
          );
        })
        .catch(() => undefined);
    }, 2000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [tail, systemId, topic]);

  const show = () => {
    setTail(undefined);
    const base = { topic, limit };
    if (mode === "offset") setParams({ ...base, partition, offset });
    else if (mode === "key") setParams({ ...base, key, from: new Date(from).toISOString() });
    else setParams({ ...base, from: new Date(from).toISOString() });
  };
  const startTail = () => {
    void fetchMessages(systemId, { topic, tail: "true" }).then((answer) =>
      setTail({ positions: answer.positions, messages: [] }),
    );
  };

  const columns: StaticColumn<BrowsedMessage>[] = [
    { header: "Partition / offset", cell: (m) => <span className="font-mono">{`${m.partition} / ${m.offset}`}</span> },
    {
      header: "Broker time",
      cell: (m) => (
        <span className="font-mono whitespace-nowrap">{format(new Date(m.timestamp), "yyyy-MM-dd HH:mm:ss.SSS")}</span>
      ),
    },
    {
      header: "Datastream (key)",
      cell: (m) => (
        <span className="font-mono text-xs break-all" title={m.key ?? undefined}>
          {m.record?.datastream ?? m.key ?? "—"}
        </span>
      ),
    },
    {
      header: "Record",
      cell: (m) =>
        m.record ? (
          <ResultCell result={m.record.result} unit={m.record.unit ?? undefined} />
        ) : m.rejected ? (
          <span className="text-red-700">
            <Badge tone="red">no record</Badge> {m.rejected}
          </span>
        ) : (
          <span className="font-mono text-xs break-all">{m.value}</span>
        ),
    },
    {
      header: "Message",
      cell: (m) => (
        <details>
          <summary className="cursor-pointer text-xs text-slate-500">{(m.value ?? "").length} characters</summary>
          <pre className="mt-1 max-h-48 max-w-lg overflow-auto rounded bg-slate-50 p-2 text-xs whitespace-pre-wrap">
            {m.value}
          </pre>
        </details>
      ),
    },
  ];
  const messages = tail ? tail.messages : (page.data?.messages ?? []);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-xs ring-1 ring-slate-200">
        <Field label="Topic">
          <NativeSelect value={topic} onChange={(e) => setTopic(e.target.value as typeof topic)}>
            <option value="int">.int (its clients' data)</option>
            <option value="ext">.ext (from stream apps)</option>
            <option value="log">.log (client logs)</option>
          </NativeSelect>
        </Field>
        <Field label="Find by">
          <NativeSelect value={mode} onChange={(e) => setMode(e.target.value as Mode)}>
            <option value="time">Time</option>
            <option value="offset">Offset</option>
            <option value="key">Key</option>
          </NativeSelect>
        </Field>
        {mode !== "offset" && (
          <Field label="From">
            <Input type="datetime-local" step={1} value={from} onChange={(e) => setFrom(e.target.value)} />
          </Field>
        )}
        {mode === "offset" && (
          <>
            <Field label="Partition">
              <Input
                className="w-24"
                inputMode="numeric"
                value={partition}
                onChange={(e) => setPartition(e.target.value)}
              />
            </Field>
            <Field label="Offset">
              <Input className="w-32" inputMode="numeric" value={offset} onChange={(e) => setOffset(e.target.value)} />
            </Field>
          </>
        )}
        {mode === "key" && (
          <Field label="Key">
            <Input className="w-80 font-mono" value={key} onChange={(e) => setKey(e.target.value)} />
          </Field>
        )}
        <Field label="At most">
          <NativeSelect value={limit} onChange={(e) => setLimit(e.target.value)}>
            {["20", "50", "100", "500"].map((n) => (
              <option key={n}>{n}</option>
            ))}
          </NativeSelect>
        </Field>
        <Button onClick={show}>Show</Button>
        {tail ? (
          <Button variant="secondary" onClick={() => setTail(undefined)}>
            Stop the tail
          </Button>
        ) : (
          <Button variant="secondary" onClick={startTail}>
            <Radio className="size-4" aria-hidden /> Live tail
          </Button>
        )}
      </div>
      {tail && (
        <p className="text-sm text-emerald-700" role="status">
          Following {topic}: new messages appear on top.
        </p>
      )}
      {page.error && !tail && (
        <Alert tone="error" title="Could not read the topic">
          {(page.error as Error).message}
        </Alert>
      )}
      {page.data?.notProvisioned && (
        <Alert tone="info">The topic does not exist yet (the reconciler creates it).</Alert>
      )}
      {!tail && page.isLoading ? (
        <p className="py-8 text-center text-sm text-slate-500">Reading from Kafka…</p>
      ) : messages.length === 0 ? (
        <EmptyState title={tail ? "Waiting for messages" : "No messages"}>
          {tail ? "New messages appear here as they arrive." : "Nothing in this topic matches."}
        </EmptyState>
      ) : (
        <StaticTable
          label="Messages"
          columns={columns}
          rows={messages}
          rowKey={(m) => `${m.partition}:${m.offset}`}
          density="dense"
        />
      )}
      {!tail && page.data && (
        <p className="text-xs text-slate-500">
          {page.data.messages.length} shown, {page.data.scanned.toLocaleString()} looked through
          {page.data.more && (
            <>
              {" "}
              ·{" "}
              <button
                type="button"
                className="text-brand-700 underline"
                onClick={() => setParams({ topic, limit, after: page.data?.positions ?? "" })}
              >
                more
              </button>
            </>
          )}
        </p>
      )}
    </div>
  );
}
