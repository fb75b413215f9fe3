"use client";
import { useRouter } from "next/navigation";
import { type ReactNode, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionResult } from "@/lib/actions/run-action";
import type { IssuedSecret, SdkConnection } from "@/lib/clients/sdk-config";
import { SecretDialog } from "./secret-dialog";

function Row({ title, children, action }: { title: string; children: ReactNode; action: ReactNode }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 py-3 first:pt-0 last:pb-0">
      <div className="max-w-xl">
        <p className="text-sm font-medium text-slate-900">{title}</p>
        <p className="text-sm text-slate-500">{children}</p>
      </div>
      {action}
    </div>
  );
}

/** Rotate (or, once revoked, re-issue), revoke and delete a client, each confirmed with what it changes. */
export function ClientAccess({
  client,
  systemName,
  connection,
  afterDeleteHref,
  rotate,
  revoke,
  remove,
}: {
  client: { name: string; principal: string; status: "active" | "revoked" };
  systemName: string;
  connection: SdkConnection;
  afterDeleteHref: string;
  rotate: () => Promise<ActionResult<IssuedSecret>>;
  revoke: () => Promise<ActionResult<{ principal: string }>>;
  remove: () => Promise<ActionResult<{ principal: string }>>;
}) {
  const router = useRouter();
  const [issued, setIssued] = useState<IssuedSecret | null>(null);
  const revoked = client.status === "revoked";
  const rotateLabel = revoked ? "Re-issue credentials" : "Rotate secret";
  return (
    <div className="divide-y divide-slate-100">
      <Row
        title={rotateLabel}
        action={
          <ConfirmDialog
            title={revoked ? `Re-issue credentials for ${client.name}?` : `Rotate the secret of ${client.name}?`}
            confirmLabel={rotateLabel}
            trigger={<Button variant="secondary">{rotateLabel}</Button>}
            onConfirm={async () => {
              const result = await rotate();
              if (!result.ok) {
                toast.error(result.error);
                return false;
              }
              toast.success(revoked ? `${client.name} is active again with a new secret` : "New secret issued");
              setIssued(result.data);
            }}
          >
            {revoked ? (
              <p>
                {client.principal} becomes active again with a new secret, shown once. Its Kafka credential and ACLs are
                provisioned again.
              </p>
            ) : (
              <p>
                The current secret stops working: the console refuses it at once, Kafka as soon as the new credential is
                provisioned. The new secret is shown once; put it into the client's configuration.
              </p>
            )}
          </ConfirmDialog>
        }
      >
        {revoked
          ? "Give the client access again, with a new secret."
          : "Issue a new secret and invalidate the current one, e.g. when it may have leaked."}
      </Row>
      {!revoked && (
        <Row
          title="Revoke"
          action={
            <ConfirmDialog
              title={`Revoke ${client.name}?`}
              confirmLabel="Revoke access"
              trigger={<Button variant="danger">Revoke</Button>}
              onConfirm={async () => {
                const result = await revoke();
                if (!result.ok) {
                  toast.error(result.error);
                  return false;
                }
                toast.success(`${result.data.principal} revoked`);
                router.refresh();
              }}
            >
              <p>
                {client.principal} loses access: the console API refuses its secret at once, and its Kafka credential
                and ACLs are removed, so it can no longer produce to or consume from {systemName}'s topics.
              </p>
              <p>The client stays registered; you can re-issue credentials later (with a new secret).</p>
            </ConfirmDialog>
          }
        >
          Stop the client at once, keeping its registration.
        </Row>
      )}
      <Row
        title="Delete"
        action={
          <ConfirmDialog
            title={`Delete ${client.name}?`}
            confirmLabel="Delete client"
            typeToConfirm={client.name}
            trigger={<Button variant="danger">Delete client</Button>}
            onConfirm={async () => {
              const result = await remove();
              if (!result.ok) {
                toast.error(result.error);
                return false;
              }
              toast.success(`${result.data.principal} deleted`);
              router.push(afterDeleteHref);
            }}
          >
            <p>
              This removes the client {client.principal}, its secret, and its Kafka credential and ACLs. The records it
              wrote stay in {systemName}'s topics.
            </p>
          </ConfirmDialog>
        }
      >
        Remove the client and its credentials for good.
      </Row>
      <SecretDialog
        issued={issued}
        systemName={systemName}
        connection={connection}
        onClose={() => {
          setIssued(null);
          router.refresh();
        }}
      />
    </div>
  );
}
