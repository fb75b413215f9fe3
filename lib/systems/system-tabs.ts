import type { Action, RoleName } from "../authz/permissions";
import { roleAllows } from "../authz/permissions";

// The system's pages and the right each needs: a tab shows only to roles that may open it.
const tabs: { path: string; label: string; needs: Action }[] = [
  { path: "", label: "Overview", needs: "system.read" },
  { path: "/things", label: "Things", needs: "metadata.read" },
  { path: "/datastreams", label: "Datastreams", needs: "metadata.read" },
  { path: "/sensors", label: "Sensors", needs: "metadata.read" },
  { path: "/observed-properties", label: "Observed properties", needs: "metadata.read" },
  { path: "/metadata", label: "Import / export", needs: "metadata.read" },
  { path: "/clients", label: "Clients", needs: "client.read" },
  { path: "/rejected-records", label: "Rejected records", needs: "data.read" },
  { path: "/settings", label: "Settings", needs: "system.read" },
];

export function systemTabsFor(companyId: string, systemId: string, role: RoleName) {
  return tabs
    .filter((t) => roleAllows(role, t.needs))
    .map((t) => ({ href: `/companies/${companyId}/systems/${systemId}${t.path}`, label: t.label }));
}
