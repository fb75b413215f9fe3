"use client";
import { KeyRound } from "lucide-react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import type { ActionResult } from "@/lib/actions/run-action";
import type { CreateTokenFormInput } from "@/lib/api-tokens/schemas";
import { formatUtc } from "@/lib/ui/format-utc";
import { type CreatedToken, CreateTokenDialog } from "./create-token-dialog";

export interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  status: "active" | "expired" | "revoked";
}

const statusTone: Record<TokenRow["status"], BadgeTone> = { active: "green", expired: "amber", revoked: "red" };
const when = (d: Date | null, none: string) => (d ? `${formatUtc(d).slice(0, 16)}` : none);

export function ApiTokensCard({
  tokens,
  origin,
  create,
  revoke,
}: {
  tokens: TokenRow[];
  origin: string;
  create: (input: CreateTokenFormInput) => Promise<ActionResult<CreatedToken>>;
  revoke: (tokenId: string) => Promise<ActionResult<{ name: string }>>;
}) {
  const router = useRouter();
  return (
    <Card>
      <CardHeader
        title="Personal API tokens"
        description={
          <>
            For scripts and tools: send <code className="text-xs">Authorization: Bearer &lt;token&gt;</code> to the REST
            API. A token has your rights, nothing more. Times are UTC.
          </>
        }
        actions={<CreateTokenDialog origin={origin} action={create} />}
      />
      {tokens.length === 0 ? (
        <EmptyState icon={<KeyRound className="size-10" aria-hidden />} title="No API tokens yet">
          Create one to call the REST API from a script; see the API docs for what it can do.
        </EmptyState>
      ) : (
        <div className="relative overflow-x-auto">
          <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label="API tokens">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                {["Name", "Token", "Created", "Last used", "Expires", "Status"].map((h) => (
                  <th key={h} scope="col" className="px-4 py-2.5 font-medium whitespace-nowrap">
                    {h}
                  </th>
                ))}
                <th scope="col" className="px-4 py-2.5">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 text-slate-700">
              {tokens.map((t) => (
                <tr key={t.id}>
                  <td className="px-4 py-2.5 font-medium text-slate-900">{t.name}</td>
                  <td className="px-4 py-2.5 font-mono text-xs">{t.prefix}…</td>
                  <td className="px-4 py-2.5 whitespace-nowrap">{when(t.createdAt, "")}</td>
                  <td className="px-4 py-2.5 whitespace-nowrap">{when(t.lastUsedAt, "never")}</td>
                  <td className="px-4 py-2.5 whitespace-nowrap">{when(t.expiresAt, "never")}</td>
                  <td className="px-4 py-2.5">
                    <Badge tone={statusTone[t.status]}>{t.status}</Badge>
                  </td>
                  <td className="px-4 py-2.5 text-right">
                    {t.status === "active" && (
                      <ConfirmDialog
                        title={`Revoke “${t.name}”?`}
                        confirmLabel="Revoke"
                        trigger={
                          <Button variant="ghost" size="sm" aria-label={`Revoke ${t.name}`}>
                            Revoke
                          </Button>
                        }
                        onConfirm={async () => {
                          const result = await revoke(t.id);
                          if (!result.ok) {
                            toast.error(result.error);
                            return false;
                          }
                          toast.success(`“${result.data.name}” revoked`);
                          router.refresh();
                        }}
                      >
                        <p>
                          Scripts using <code className="font-mono text-xs">{t.prefix}…</code> are refused from their
                          next request. This cannot be undone.
                        </p>
                      </ConfirmDialog>
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
