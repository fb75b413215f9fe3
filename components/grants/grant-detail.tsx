"use client";
import { Check, Undo2, X } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { StaticTable } from "@/components/ui/static-table";
import type { ActionResult } from "@/lib/actions/run-action";
import type { getGrant } from "@/lib/grants/get-grant";
import { formatDateTime } from "@/lib/ui/format";
import { GrantStateBadge } from "./grant-state-badge";

type Grant = Awaited<ReturnType<typeof getGrant>>;

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-sm text-slate-900">{children}</dd>
    </div>
  );
}

/** A grant's terms, what it covers (datastreams with types and units), who reads under it, and its answers. */
export function GrantDetail({
  grant,
  answer,
  revoke,
}: {
  grant: Grant;
  answer: (accept: boolean) => Promise<ActionResult<{ state: string }>>;
  revoke: () => Promise<ActionResult<{ state: string }>>;
}) {
  const router = useRouter();
  const [pending, setPending] = useState<string | undefined>();
  const reply = async (accept: boolean) => {
    setPending(accept ? "accept" : "decline");
    const result = await answer(accept);
    setPending(undefined);
    if (!result.ok) toast.error(result.error);
    else {
      toast.success(accept ? "Accepted: your stream apps may read under it now" : "Declined");
      router.refresh();
    }
  };
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader
          title={
            <span className="flex items-center gap-2">
              Terms <GrantStateBadge state={grant.state} />
            </span>
          }
          description={
            grant.side === "source" ? "Your company offered this grant." : "Your company was offered this grant."
          }
          actions={
            <div className="flex flex-wrap gap-2">
              {grant.canAnswer && (
                <>
                  <Button pending={pending === "accept"} onClick={() => reply(true)}>
                    <Check className="size-4" aria-hidden /> Accept
                  </Button>
                  <Button variant="secondary" pending={pending === "decline"} onClick={() => reply(false)}>
                    <X className="size-4" aria-hidden /> Decline
                  </Button>
                </>
              )}
              {grant.canRevoke && (
                <ConfirmDialog
                  trigger={
                    <Button variant="danger">
                      <Undo2 className="size-4" aria-hidden /> Revoke
                    </Button>
                  }
                  title="Revoke this grant?"
                  confirmLabel="Revoke grant"
                  onConfirm={async () => {
                    const result = await revoke();
                    if (!result.ok) {
                      toast.error(result.error);
                      return false;
                    }
                    toast.success("Revoked: the stream apps reading under it stop within seconds");
                    router.refresh();
                    return true;
                  }}
                >
                  {grant.apps.length > 0
                    ? `${grant.apps.length} stream app(s) read under it (${grant.apps.map((a) => a.name).join(", ")}); they stop reading ${grant.sourceSystem} within seconds, and their pages say why.`
                    : "No stream app reads under it yet."}{" "}
                  Both companies' audit logs record it.
                </ConfirmDialog>
              )}
            </div>
          }
        />
        <CardBody>
          <dl className="grid gap-4 sm:grid-cols-2">
            <Fact label="Source system">{grant.sourceSystem}</Fact>
            <Fact label="Datastreams">
              <span className="font-mono">{grant.datastreams}</span>
            </Fact>
            <Fact label="To">
              {grant.targetSystem ? `${grant.targetSystem} (only apps writing into it)` : grant.targetCompany}
            </Fact>
            <Fact label="Condition">
              {grant.filter ? <span className="font-mono">{grant.filter}</span> : "none (every record of them)"}
            </Fact>
            <Fact label="Ends">{grant.endsAt ? `${formatDateTime(new Date(grant.endsAt))} UTC` : "when revoked"}</Fact>
            <Fact label="Offered">{`${grant.offeredBy}, ${formatDateTime(new Date(grant.offeredAt))}`}</Fact>
            {grant.answeredAt && (
              <Fact label="Answered">{`${grant.answeredBy}, ${formatDateTime(new Date(grant.answeredAt))}`}</Fact>
            )}
            {grant.revokedAt && (
              <Fact label="Revoked">{`${grant.revokedBy} (${grant.revokedBySide === "source" ? "the source" : "the receiver"}), ${formatDateTime(new Date(grant.revokedAt))}`}</Fact>
            )}
            {grant.description && <Fact label="Description">{grant.description}</Fact>}
          </dl>
        </CardBody>
      </Card>
      <Card>
        <CardHeader
          title="Datastreams it covers"
          description="As the source system has them now; a new matching datastream is covered too."
        />
        <CardBody>
          {grant.covered.length === 0 ? (
            <p className="text-sm text-slate-500">None yet.</p>
          ) : (
            <StaticTable
              label="Covered datastreams"
              density="compact"
              rows={grant.covered}
              rowKey={(d) => d.fullName}
              columns={[
                { header: "Thing", cell: (d) => d.thing },
                { header: "Datastream", cell: (d) => d.name },
                { header: "Type", cell: (d) => d.observationType },
                {
                  header: "Unit",
                  cell: (d) => (d.unit.symbol || d.unit.name ? `${d.unit.name} (${d.unit.symbol})` : "–"),
                },
              ]}
            />
          )}
        </CardBody>
      </Card>
      <Card>
        <CardHeader
          title="Stream apps reading its source"
          description="Apps of the receiving company with this system among their sources."
        />
        <CardBody>
          {grant.apps.length === 0 ? (
            <p className="text-sm text-slate-500">None.</p>
          ) : (
            <StaticTable
              label="Apps"
              density="compact"
              rows={grant.apps}
              rowKey={(a) => `${a.company}/${a.name}`}
              columns={[
                { header: "App", cell: (a) => a.name },
                { header: "Company", cell: (a) => a.company },
                { header: "Into", cell: (a) => a.targetSystem ?? "(deleted)" },
                { header: "Deployed", cell: (a) => (a.desiredState === "running" ? "yes" : "no") },
              ]}
            />
          )}
        </CardBody>
      </Card>
    </div>
  );
}
