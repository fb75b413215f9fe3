import { Badge, type BadgeTone } from "@/components/ui/badge";

export type ProvisioningStatusName = "pending" | "ready" | "error" | "drift";

const look: Record<ProvisioningStatusName, { tone: BadgeTone; label: string; title: string }> = {
  ready: { tone: "green", label: "ready", title: "The cluster matches what Rhei registered" },
  pending: { tone: "amber", label: "pending", title: "Waiting for the reconciler to set it on the cluster" },
  drift: {
    tone: "amber",
    label: "drift",
    title: "Someone changed it on the cluster outside Rhei; Rhei restored it and checks again",
  },
  error: { tone: "red", label: "error", title: "Rhei could not set it on the cluster; see the last error" },
};

/** The provisioning status of a Kafka resource (or of a system's or client's resources together). */
export function ProvisioningBadge({ status }: { status: ProvisioningStatusName }) {
  const { tone, label, title } = look[status];
  return (
    <Badge tone={tone} title={title} data-provisioning-status={status}>
      {label}
    </Badge>
  );
}
