import { Badge } from "@/components/ui/badge";

export function ClientStatusBadge({ status }: { status: "active" | "revoked" }) {
  return <Badge tone={status === "active" ? "green" : "red"}>{status}</Badge>;
}
