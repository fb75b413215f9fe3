import { constraintsOf, typeLabel } from "@/lib/api-docs/json-schema";
import type { OpenApiOperation } from "@/lib/api-docs/read-openapi";
import { cn } from "@/lib/ui/cn";
import { InlineCode } from "./inline-code";
import { SchemaView } from "./schema-view";

const methodTone: Record<string, string> = {
  GET: "bg-sky-100 text-sky-800",
  POST: "bg-emerald-100 text-emerald-800",
  PUT: "bg-amber-100 text-amber-800",
  PATCH: "bg-amber-100 text-amber-800",
  DELETE: "bg-red-100 text-red-800",
};

export function MethodBadge({ method }: { method: string }) {
  return (
    <span
      className={cn(
        "inline-block w-16 shrink-0 rounded px-1.5 py-0.5 text-center font-mono text-xs font-bold",
        methodTone[method] ?? "bg-slate-100 text-slate-700",
      )}
    >
      {method}
    </span>
  );
}

const schemeLabel: Record<string, string> = {
  bearerToken: "API token",
  session: "browser session",
  clientBasic: "client credentials",
};

function Heading({ children }: { children: string }) {
  return <h4 className="mb-1.5 text-xs font-semibold tracking-wide text-slate-500 uppercase">{children}</h4>;
}

/** What an endpoint takes and answers: its parameters, request body, responses and who may call it. */
export function OperationBody({ op }: { op: OpenApiOperation }) {
  const schemes = op.security.flatMap((s) => Object.keys(s));
  const body = op.requestBody && Object.entries(op.requestBody.content)[0];
  const responses = Object.entries(op.responses);
  const successes = responses.filter(([status]) => status.startsWith("2"));
  const failures = responses.filter(([status]) => !status.startsWith("2"));
  return (
    <>
      {op.description && (
        <p className="text-sm text-slate-700">
          <InlineCode text={op.description} />
        </p>
      )}
      <p className="text-xs text-slate-500">
        <span className="font-mono">{op.operationId}</span> · authenticate with{" "}
        {schemes.map((s) => schemeLabel[s] ?? s).join(" or ")}
      </p>
      {op.parameters.length > 0 && (
        <section>
          <Heading>Parameters</Heading>
          <table className="w-full text-left text-sm">
            <tbody className="divide-y divide-slate-100 align-top">
              {op.parameters.map((p) => (
                <tr key={`${p.in}-${p.name}`}>
                  <td className="w-48 py-1.5 pr-3">
                    <code className="font-mono text-xs font-semibold text-slate-900">{p.name}</code>
                    <span className="ml-1.5 text-xs text-slate-400">{p.in}</span>
                    {p.required && <span className="ml-1.5 text-xs font-medium text-red-600">required</span>}
                  </td>
                  <td className="py-1.5">
                    <span className="font-mono text-xs text-brand-700">{typeLabel(p.schema)}</span>
                    {constraintsOf(p.schema).length > 0 && (
                      <span className="ml-1.5 text-xs break-all text-slate-500">
                        · {constraintsOf(p.schema).join(" · ")}
                      </span>
                    )}
                    {p.schema.description && (
                      <p className="text-xs text-slate-600">
                        <InlineCode text={p.schema.description} />
                      </p>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {body && (
        <section>
          <Heading>Request body</Heading>
          <p className="mb-1 font-mono text-xs text-slate-500">{body[0]}</p>
          {body[1].schema && <SchemaView schema={body[1].schema} />}
        </section>
      )}
      <section>
        <Heading>Responses</Heading>
        <div className="space-y-3">
          {successes.map(([status, r]) => (
            <div key={status}>
              <p className="text-sm">
                <span className="mr-2 font-mono font-semibold text-emerald-700">{status}</span>
                {r.description}
                {r.content && (
                  <span className="ml-2 font-mono text-xs text-slate-500">{Object.keys(r.content).join(", ")}</span>
                )}
              </p>
              {Object.entries(r.content ?? {}).map(
                ([type, c]) =>
                  c.schema && (
                    <div key={type} className="mt-1 pl-9">
                      <SchemaView schema={c.schema} />
                    </div>
                  ),
              )}
            </div>
          ))}
          <p className="text-xs text-slate-500">
            Errors (problem documents):{" "}
            {failures.map(([status, r], i) => (
              <span key={status}>
                {i > 0 && " · "}
                <span className="font-mono font-semibold text-red-700">{status}</span> {r.description}
              </span>
            ))}
          </p>
        </div>
      </section>
    </>
  );
}
