"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { readOpenApi } from "@/lib/api-docs/read-openapi";
import { MethodBadge, OperationBody } from "./operation-view";

/** The document the page lists, as /api/v1/openapi.json serves it: fetched once, when a first endpoint is opened. */
async function fetchDocs() {
  const response = await fetch("/api/v1/openapi.json");
  if (!response.ok) throw new Error(`the API document answered ${response.status}`);
  return readOpenApi(await response.json());
}

function LazyBody({ operationId }: { operationId: string }) {
  const docs = useQuery({ queryKey: ["openapi-document"], queryFn: fetchDocs, staleTime: Number.POSITIVE_INFINITY });
  if (docs.isPending) return <p className="text-sm text-slate-500">Loading the endpoint's description…</p>;
  if (docs.isError)
    return <p className="text-sm text-red-700">Could not load the API document: {docs.error.message}</p>;
  const op = docs.data.groups.flatMap((g) => g.operations).find((o) => o.operationId === operationId);
  if (!op) return <p className="text-sm text-slate-500">This endpoint is no longer in the API document.</p>;
  return <OperationBody op={op} />;
}

/**
 * One endpoint: a summary line that opens to its description. The page lists every endpoint, and the bodies of all
 * of them rendered up front made it 1.8 MB of HTML: a body is rendered when its endpoint is first opened.
 */
export function OperationDetails({
  operationId,
  method,
  path,
  summary,
}: {
  operationId: string;
  method: string;
  path: string;
  summary: string;
}) {
  const [opened, setOpened] = useState(false);
  return (
    <details
      id={operationId}
      className="group scroll-mt-20 rounded-lg bg-white ring-1 ring-slate-200"
      onToggle={(event) => {
        if (event.currentTarget.open) setOpened(true);
      }}
    >
      <summary className="flex cursor-pointer list-none flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2.5 hover:bg-slate-50">
        <MethodBadge method={method} />
        <code className="font-mono text-sm font-medium break-all text-slate-900">{path}</code>
        <span className="text-sm text-slate-600">{summary}</span>
      </summary>
      <div className="space-y-5 border-t border-slate-100 px-4 py-4">
        {opened && <LazyBody operationId={operationId} />}
      </div>
    </details>
  );
}
