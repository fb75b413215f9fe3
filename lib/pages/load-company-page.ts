import "server-only";
import { forbidden, notFound } from "next/navigation";
import { cache, type ReactNode } from "react";
import type { z } from "zod";
import type { Actor } from "../authz/actor";
import { type Action, isRoleName, type RoleName, roleAllows } from "../authz/permissions";
import { getCompany } from "../companies/get-company";
import { getSystem } from "../systems/get-system";
import { listQueryFromSearchParams } from "./list-query";
import { loadPage } from "./load-page";
import { pageActor } from "./session";

// What the layouts and pages under /companies/[companyId] do before their own work: read the route's ids and the
// list query, sign the user in, and load the company (with the user's role, which decides the buttons). The company
// and the system are read once per request, however many layouts and pages ask.

export type SearchParams = Record<string, string | string[] | undefined>;
export type SystemIds = { companyId: string; systemId: string };

/** The props Next gives a list page below a company; `P` names the route's ids. */
export interface ListPageProps<P extends { companyId: string }> {
  params: Promise<P>;
  searchParams: Promise<SearchParams>;
}

type Company = Awaited<ReturnType<typeof getCompany>> & { role: RoleName };

/** The company with the user's role in it; not a member: Next's 404. Read once per request. */
export const pageCompany = cache(async (companyId: string): Promise<Company> => {
  const actor = await pageActor();
  const company = await loadPage(() => getCompany({ actor, companyId }));
  if (!isRoleName(company.role)) notFound();
  return company as Company;
});

/** The system, which must belong to the route's company (a system of another of the user's companies is not here). */
export const pageSystem = cache(async (companyId: string, systemId: string) => {
  const actor = await pageActor();
  const system = await loadPage(() => getSystem({ actor, systemId }));
  if (system.companyId !== companyId) notFound();
  return system;
});

export type CompanyPageContext<P> = P & {
  actor: Actor;
  company: Company;
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
 * Loads the company, then the page's own data, through loadPage: another company's objects and deleted ones are
 * Next's 404, a missing right its 403. The result holds the route's ids, the actor, the company and `can` besides
 * what `load` returned; `load` runs its independent reads with Promise.all.
 */
export async function loadCompanyPage<P extends { companyId: string }, T extends object>(
  params: Promise<P>,
  load: (context: CompanyPageContext<P>) => Promise<T>,
): Promise<CompanyPageContext<P> & T> {
  const ids = await params;
  const [actor, company] = await Promise.all([pageActor(), pageCompany(ids.companyId)]);
  const can = (action: Action) => roleAllows(company.role, action);
  const context = { ...ids, actor, company, can };
  return { ...context, ...(await loadPage(() => load(context))) };
}

/**
 * loadCompanyPage for a page of a system: the system (read once per request, the layout shares it) comes with the
 * page's own data, read in parallel with it.
 */
export async function loadSystemPage<P extends SystemIds, T extends object>(
  params: Promise<P>,
  load: (context: CompanyPageContext<P>) => Promise<T>,
) {
  return loadCompanyPage(params, async (context) => {
    const [system, own] = await Promise.all([pageSystem(context.companyId, context.systemId), load(context)]);
    return { system, ...own };
  });
}

/** Next's 403 page unless the user's role in the company allows `action`. */
export async function requireCompanyRight(companyId: string, action: Action): Promise<void> {
  const company = await pageCompany(companyId);
  if (!roleAllows(company.role, action)) forbidden();
}

/**
 * The layout of the cluster and provisioning pages, which have a loading UI: it checks their right above that UI, so
 * that a role without it gets a real 403 before anything streams (a status cannot change once streaming began).
 */
export async function ClusterPagesLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ companyId: string }>;
}): Promise<ReactNode> {
  await requireCompanyRight((await params).companyId, "cluster.read");
  return children;
}
