import { formatDistanceToNow } from "date-fns";
import { isAppError } from "@/lib/errors";
import { pageActor } from "@/lib/pages/session";
import { getProvisioningStatus, type ProvisioningSummary } from "@/lib/provisioning/get-provisioning-status";
import { ProvisioningBadge } from "./provisioning-badge";
import { RefreshWhile } from "./refresh-while";

const typeLabel = { topic: "topic", credential: "SCRAM credential", acls: "ACLs" } as const;

/**
 * Where a system's topics, or a client's credential and ACLs, stand on the Kafka cluster: a badge, the last error
 * with its time, and for a credential deleted outside Rhei the one way back (rotating the secret). A server
 * component: place it on the system and client pages with the object's id. Renders nothing for a role that may
 * not see the object; refreshes itself while the status is still moving.
 */
export async function ProvisioningStatus(props: { systemId: string } | { clientId: string }) {
  let summary: ProvisioningSummary;
  try {
    summary = await getProvisioningStatus({ actor: await pageActor(), ...props });
  } catch (error) {
    if (isAppError(error) && (error.code === "forbidden" || error.code === "not_found")) return null;
    throw error;
  }
  // The rotation hint below says what the credential's own error says; list the other troubles only.
  const troubled = summary.resources.filter(
    (r) => r.status !== "ready" && r.lastError && !(summary.needsRotation && r.type === "credential"),
  );
  return (
    <div className="space-y-1.5 text-sm wrap-anywhere" data-testid="provisioning-status">
      <div className="flex items-center gap-2">
        <span className="text-slate-500">Kafka</span>
        <ProvisioningBadge status={summary.status} />
        {summary.status === "pending" && troubled.length === 0 && (
          <span className="text-slate-500">waiting for the reconciler</span>
        )}
      </div>
      {summary.needsRotation && (
        <p className="text-red-700" role="alert">
          The client's SCRAM credential was deleted from the cluster outside Rhei. Rhei keeps no copy of the secret, so
          it cannot restore it: <strong>rotate the secret</strong> to issue a new one.
        </p>
      )}
      {troubled.length > 0 && (
        <ul className="space-y-1">
          {troubled.map((r) => (
            <li key={`${r.type}:${r.key}`} className="text-slate-600">
              <span className="font-medium">{typeLabel[r.type]}</span>{" "}
              <code className="font-mono text-xs break-all">{r.key}</code>: {r.lastError}
              {r.lastErrorAt && (
                <span className="text-slate-400"> ({formatDistanceToNow(r.lastErrorAt, { addSuffix: true })})</span>
              )}
            </li>
          ))}
        </ul>
      )}
      <RefreshWhile active={summary.status === "pending" || summary.status === "drift"} />
    </div>
  );
}
