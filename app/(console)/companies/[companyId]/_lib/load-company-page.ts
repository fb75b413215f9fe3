import "server-only";
import type { z } from "zod";
import { requireActor } from "@/lib/auth/session";
import type { Actor } from "@/lib/authz/actor";
import { type Action, isRoleName, roleAllows } from "@/lib/authz/permissions";
import { getCompany } from "@/lib/companies/get-company";
import { listQueryFromSearchParams } from "@/lib/pages/list-query";
import { loadPage, type PageLoad } from "@/lib/pages/load-page";

// What the pages under /companies/[companyId] do before their own work: read the route's ids and the list query,
// sign the user in, and load the company, whose role decides which buttons the page shows.

export type SearchParams = Record<string, string | string[] | undefined>;
export type SystemIds = { companyId: string; systemId: string };

/** The props Next gives a list page below a company; `P` names the route's ids. */
export interface ListPageProps<P extends { companyId: string }> {
  params: Promise<P>;
  searchParams: Promise<SearchParams>;
}

export type CompanyPageContext<P> = P & {
  actor: Actor;
  company: Awaited<ReturnType<typeof getCompany>>;
  /** Whether the user's role in the company allows the action (to show its button; the action checks again). */
  can: (action: Action) => boolean;
};

/** A list page's query from its URL (bad parameters dropped, see listQueryFromSearchParams). */
export async function listQueryOf<S extends z.ZodObject>(
  schema: S,
  searchParams: Promise<SearchParams>,
): Promise<z.output<S>> {
  return listQueryFromSearchParams(schema, await searchParams);
}

/**
 * Loads the company, then the page's own data, through loadPage: another company's objects are Next's 404 and a
 * missing right comes back as a message for <AccessDenied>. The result holds the route's ids, the actor, the
 * company and `can` besides what `load` returned.
 */
export async function loadCompanyPage<P extends { companyId: string }, T extends object>(
  params: Promise<P>,
  load: (context: CompanyPageContext<P>) => Promise<T>,
): Promise<PageLoad<CompanyPageContext<P> & T>> {
  const ids = await params;
  const actor = await requireActor();
  return loadPage(async () => {
    const company = await getCompany({ actor, companyId: ids.companyId });
    const can = (action: Action) => isRoleName(company.role) && roleAllows(company.role, action);
    const context = { ...ids, actor, company, can };
    return { ...context, ...(await load(context)) };
  });
}
