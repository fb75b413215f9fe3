import type { Action, RoleName } from "../authz/permissions";
import { roleAllows } from "../authz/permissions";
import { type CompanyPage, companyPath, type SystemPage, systemPath, systemsPath } from "./console-paths";

// The tabs of a company's and of a system's pages, each with the right it needs. A tab the role may not open is
// kept, marked not allowed: the tab bar hides it except on its own (forbidden) page, where it is the current tab.

export interface ConsoleTab {
  href: string;
  label: string;
  allowed: boolean;
  /** The right the tab's page needs. */
  needs: Action;
  /** The paths below href that the tab is current for; absent: all of them. */
  below?: string[];
}

const companyTabs: { page?: CompanyPage; label: string; needs: Action }[] = [
  { label: "Systems", needs: "system.read" },
  { page: "dashboards", label: "Dashboards", needs: "data.read" },
  { page: "alarms", label: "Alarms", needs: "data.read" },
  { page: "trace", label: "History", needs: "data.read" },
  { page: "health", label: "Health", needs: "data.read" },
  { page: "stream-apps", label: "Stream apps", needs: "system.read" },
  { page: "grants", label: "Grants", needs: "system.read" },
  { page: "members", label: "Members", needs: "member.read" },
  { page: "audit", label: "Audit log", needs: "audit.read" },
  { page: "provisioning", label: "Provisioning", needs: "cluster.read" },
  { page: "cluster", label: "Cluster", needs: "cluster.read" },
  { page: "settings", label: "Settings", needs: "company.read" },
];

const systemTabs: { page?: SystemPage; label: string; needs: Action }[] = [
  { label: "Overview", needs: "system.read" },
  { page: "things", label: "Things", needs: "metadata.read" },
  { page: "datastreams", label: "Datastreams", needs: "metadata.read" },
  { page: "sensors", label: "Sensors", needs: "metadata.read" },
  { page: "observed-properties", label: "Observed properties", needs: "metadata.read" },
  { page: "metadata", label: "Import / export", needs: "metadata.read" },
  { page: "clients", label: "Clients", needs: "client.read" },
  { page: "messages", label: "Messages", needs: "topic.browse" },
  { page: "rejected-records", label: "Rejected records", needs: "data.read" },
  { page: "settings", label: "Settings", needs: "system.read" },
];

function tabsOf<P extends string>(
  defs: { page?: P; label: string; needs: Action }[],
  role: RoleName,
  hrefOf: (page?: P) => string,
  /** Where the first tab (the one without a page) is current besides its own page. */
  firstBelow: string[],
): ConsoleTab[] {
  return defs.map((t) => ({
    href: hrefOf(t.page),
    label: t.label,
    allowed: roleAllows(role, t.needs),
    needs: t.needs,
    ...(t.page ? {} : { below: firstBelow }),
  }));
}

/** The systems tab is current on the list and on every system's pages, not on the company's other pages. */
export function companyTabsFor(companyId: string, role: RoleName): ConsoleTab[] {
  return tabsOf(companyTabs, role, (page) => companyPath(companyId, page), [systemsPath(companyId)]);
}

/** The overview is current on its own page only; each other page of the system has its tab. */
export function systemTabsFor(companyId: string, systemId: string, role: RoleName): ConsoleTab[] {
  return tabsOf(systemTabs, role, (page) => systemPath(companyId, systemId, page), []);
}

/** The tab current at `pathname`: the one whose page it is, or below whose page it is. */
export function currentTab<T extends ConsoleTab>(tabs: readonly T[], pathname: string): T | undefined {
  const under = (p: string) => pathname === p || pathname.startsWith(`${p}/`);
  return tabs.find((t) => pathname === t.href || (t.below ?? [t.href]).some(under));
}
