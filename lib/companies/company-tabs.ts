import type { Action, RoleName } from "../authz/permissions";
import { roleAllows } from "../authz/permissions";

// The company's pages and the right each needs: a tab shows only to roles that may open it.
const tabs: { path: string; label: string; needs: Action }[] = [
  { path: "", label: "Systems", needs: "system.read" },
  { path: "/members", label: "Members", needs: "member.read" },
  { path: "/audit", label: "Audit log", needs: "audit.read" },
  { path: "/provisioning", label: "Provisioning", needs: "cluster.read" },
  { path: "/cluster", label: "Cluster", needs: "cluster.read" },
  { path: "/settings", label: "Settings", needs: "company.read" },
];

export function companyTabsFor(companyId: string, role: RoleName) {
  return tabs
    .filter((t) => roleAllows(role, t.needs))
    .map((t) => ({ href: `/companies/${companyId}${t.path}`, label: t.label }));
}
