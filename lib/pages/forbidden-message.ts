import "server-only";
import { headers } from "next/headers";
import { actionPhrases } from "../authz/permissions";
import { companyTabsFor, currentTab, systemTabsFor } from "../ui/console-tabs";
import { pageCompany } from "./load-company-page";

/**
 * Why the page at the request's path is forbidden, for forbidden.tsx (which gets no props): the right of the tab the
 * page belongs to, e.g. "Your role (engineer) may not read the audit log".
 */
export async function forbiddenMessage(): Promise<string> {
  // server.ts stamps the request's path (overwriting any client-sent value); client navigations send the target's.
  const path = ((await headers()).get("x-rhei-path") ?? "/").split("?")[0] ?? "/";
  const [, companies, companyId, systems, systemId] = path.split("/");
  if (companies !== "companies" || !companyId) return "Your role may not open this page";
  const company = await pageCompany(companyId);
  const tabs =
    systems === "systems" && systemId
      ? systemTabsFor(companyId, systemId, company.role)
      : companyTabsFor(companyId, company.role);
  const tab = currentTab(tabs, path);
  return tab && !tab.allowed
    ? `Your role (${company.role}) may not ${actionPhrases[tab.needs]}`
    : `Your role (${company.role}) may not open this page`;
}
