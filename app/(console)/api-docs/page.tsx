import { FileJson } from "lucide-react";
import type { Metadata } from "next";
import { InlineCode } from "@/components/api-docs/inline-code";
import { OperationDetails } from "@/components/api-docs/operation-details";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { buildOpenApi } from "@/lib/api/openapi/build-openapi";
import { readOpenApi } from "@/lib/api-docs/read-openapi";
import { env } from "@/lib/env";
import { requirePageUser } from "@/lib/pages/session";
import { curlWithToken } from "@/lib/ui/api-credentials";
import { profilePath } from "@/lib/ui/console-paths";

export const metadata: Metadata = { title: "API docs" };

const slug = (tag: string) => `tag-${tag.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;

export default async function ApiDocsPage() {
  await requirePageUser("/api-docs");
  // The very document /api/v1/openapi.json serves, generated from the endpoint contracts: a new endpoint appears here
  // as soon as it is registered in lib/api/endpoints.
  const docs = readOpenApi(buildOpenApi(new URL(env.NEXTAUTH_URL).origin));
  const example = curlWithToken(docs.serverUrl, "rhei_pat_…");
  return (
    <>
      <PageHeader
        title={`${docs.title} v${docs.version}`}
        description={<InlineCode text={docs.description} />}
        actions={
          <Button variant="secondary" asChild>
            <a href="/api/v1/openapi.json">
              <FileJson className="size-4" aria-hidden /> openapi.json
            </a>
          </Button>
        }
      />
      <div className="grid gap-8 lg:grid-cols-[14rem_minmax(0,1fr)]">
        <nav aria-label="Endpoints" className="text-sm lg:sticky lg:top-20 lg:self-start">
          <ul className="space-y-4">
            {docs.groups.map((g) => (
              <li key={g.tag}>
                <a href={`#${slug(g.tag)}`} className="font-semibold text-slate-900 hover:underline">
                  {g.tag}
                </a>
                <ul className="mt-1 space-y-0.5">
                  {g.operations.map((op) => (
                    <li key={op.operationId}>
                      <a
                        href={`#${op.operationId}`}
                        className="block truncate text-slate-600 hover:text-slate-900"
                        title={`${op.method} ${op.path}`}
                      >
                        <span className="inline-block w-12 font-mono text-[0.7rem] text-slate-400">{op.method}</span>
                        {op.operationId}
                      </a>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </nav>
        <div className="min-w-0 space-y-8">
          <Card>
            <CardHeader title="Getting started" />
            <CardBody className="space-y-4 text-sm text-slate-700">
              <p>
                Base URL <code className="font-mono text-xs">{docs.serverUrl}</code>. Bodies and responses are JSON;
                errors are <code className="font-mono text-xs">application/problem+json</code> documents whose{" "}
                <code className="font-mono text-xs">errors</code> name each invalid field and its rule. Unknown fields
                and query parameters are refused.
              </p>
              <ul className="space-y-1">
                {docs.securitySchemes.map((s) => (
                  <li key={s.id}>
                    <code className="font-mono text-xs font-semibold">{s.id}</code>{" "}
                    <span className="text-slate-500">
                      ({s.type}
                      {s.scheme ? ` ${s.scheme}` : ""}
                      {s.in ? ` in ${s.in} ${s.name}` : ""})
                    </span>
                    {s.description ? `: ${s.description}` : ""}
                  </li>
                ))}
              </ul>
              <p>
                Create a personal API token on your{" "}
                <a href={profilePath} className="font-medium text-brand-700 hover:underline">
                  profile page
                </a>
                , then:
              </p>
              <pre className="overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">{example}</pre>
            </CardBody>
          </Card>
          {docs.groups.map((g) => (
            <section
              key={g.tag}
              id={slug(g.tag)}
              className="scroll-mt-20 space-y-2"
              aria-labelledby={`${slug(g.tag)}-h`}
            >
              <h2 id={`${slug(g.tag)}-h`} className="text-lg font-semibold text-slate-900">
                {g.tag}
              </h2>
              {g.operations.map((op) => (
                <OperationDetails
                  key={op.operationId}
                  operationId={op.operationId}
                  method={op.method}
                  path={op.path}
                  summary={op.summary}
                />
              ))}
            </section>
          ))}
          {docs.groups.length === 0 && <p className="text-sm text-slate-500">No endpoints are registered.</p>}
        </div>
      </div>
    </>
  );
}
