// Every console URL is built here, so a route that moves changes in one place. Pure: pages, client components,
// search and tests share it.

/** The pages of a company besides its systems list. */
export type CompanyPage =
  | "dashboards"
  | "alarms"
  | "health"
  | "trace"
  | "stream-apps"
  | "grants"
  | "members"
  | "audit"
  | "provisioning"
  | "cluster"
  | "settings";

/** The pages of a system besides its overview. */
export type SystemPage =
  | "things"
  | "datastreams"
  | "sensors"
  | "observed-properties"
  | "metadata"
  | "clients"
  | "messages"
  | "rejected-records"
  | "settings";

/** The lists of a system whose rows have pages of their own. */
export type SystemObjectList = "things" | "datastreams" | "sensors" | "observed-properties" | "clients";

export const homePath = "/";
export const profilePath = "/profile";

/** `/companies/<id>` (its systems), or one of its other pages. */
export function companyPath(companyId: string, page?: CompanyPage): string {
  const base = `/companies/${encodeURIComponent(companyId)}`;
  return page ? `${base}/${page}` : base;
}

/** `/companies/<id>/systems/<id>` (its overview), or one of its other pages. */
export function systemPath(companyId: string, systemId: string, page?: SystemPage): string {
  const base = `${companyPath(companyId)}/systems/${encodeURIComponent(systemId)}`;
  return page ? `${base}/${page}` : base;
}

/** The page of one thing, datastream, sensor, observed property or client of a system. */
export function systemObjectPath(companyId: string, systemId: string, list: SystemObjectList, id: string): string {
  return `${systemPath(companyId, systemId, list)}/${encodeURIComponent(id)}`;
}

/** A row's page below its list's URL (the lists get their URL from the page, so they need not know the route). */
export function rowPath(listHref: string, id: string): string {
  return `${listHref}/${encodeURIComponent(id)}`;
}

/** The systems below a company (each system's page is below it); the company's page lists them. */
export function systemsPath(companyId: string): string {
  return `${companyPath(companyId)}/systems`;
}

/** One dashboard of a company. */
export function dashboardPath(companyId: string, dashboardId: string): string {
  return `${companyPath(companyId, "dashboards")}/${encodeURIComponent(dashboardId)}`;
}

/** One stream app of a company (`edit`: its editor). */
export function streamAppPath(companyId: string, appId: string, page?: "edit"): string {
  const base = `${companyPath(companyId, "stream-apps")}/${encodeURIComponent(appId)}`;
  return page ? `${base}/${page}` : base;
}

/** The editor of a new stream app (`join`: of a new join app). */
export function newStreamAppPath(companyId: string, kind?: "join"): string {
  return `${companyPath(companyId, "stream-apps")}/new${kind ? `/${kind}` : ""}`;
}

/** One grant, as the company (either side) sees it. */
export function grantPath(companyId: string, grantId: string): string {
  return `${companyPath(companyId, "grants")}/${encodeURIComponent(grantId)}`;
}
