import "server-only";
import { db } from "../db/client";
import { parseQuery } from "../filter-language";
import { companyName } from "../names";
import { type ReadableSystem, selectSources } from "./source-plan";

/**
 * Why a deployed app cannot run now, in words for its page and log (null: it can): its target deleted, a source it
 * names no longer granted (saying which grant ended and how), or no source left at all.
 */
export async function blockedReason(
  app: { companyId: string; targetSystemId: string | null; targetSystemName: string; query: string },
  readable: readonly ReadableSystem[],
): Promise<string | null> {
  if (!app.targetSystemId)
    return `Its target system ${app.targetSystemName} was deleted: edit the app to choose another`;
  let query: ReturnType<typeof parseQuery>;
  try {
    query = parseQuery(app.query);
  } catch (error) {
    return `Its query no longer parses: ${(error as Error).message}`;
  }
  const { sources, missing } = selectSources(query, readable);
  if (missing.length > 0) {
    const reasons = await Promise.all(missing.map((m) => whyNotReadable(app.companyId, m.pattern)));
    return reasons.join("; ");
  }
  if (sources.length === 0)
    return "FROM matches none of the systems it may read (its company's, and those granted to it)";
  return null;
}

/** Why a named system is not readable: the grant that ended (revoked, expired, declined), or none ever offered. */
async function whyNotReadable(companyId: string, systemName: string): Promise<string> {
  const system = await db.system.findUnique({ where: { name: systemName }, select: { id: true } });
  const last = system
    ? await db.grant.findFirst({
        where: { sourceSystemId: system.id, targetCompanyId: companyId },
        orderBy: { updatedAt: "desc" },
        include: { sourceCompany: { select: { domain: true, enterprise: true } } },
      })
    : null;
  if (!last) {
    const own = await db.company.findUnique({ where: { id: companyId }, select: { domain: true, enterprise: true } });
    if (!system && own && systemName.startsWith(`${companyName(own)}.`))
      return `Its source system ${systemName} was deleted`;
    return `No grant lets it read ${systemName} (deleted, or never granted)`;
  }
  const source = companyName(last.sourceCompany);
  if (last.status === "revoked") {
    const side = last.revokedByCompanyId === last.sourceCompanyId ? source : "your company";
    return `The grant for ${systemName} was revoked by ${side} (${last.revokedBy ?? "?"}, ${last.revokedAt?.toISOString() ?? ""}): it resumes when a new grant is accepted`;
  }
  if (last.status === "accepted" && last.endsAt && last.endsAt.getTime() <= Date.now()) {
    return `The grant for ${systemName} ended on ${last.endsAt.toISOString()}: it resumes when a new grant is accepted`;
  }
  if (last.status === "offered") return `The grant for ${systemName} is offered but not yet accepted by your admin`;
  if (last.status === "declined") return `The grant for ${systemName} was declined`;
  return `The grant for ${systemName} does not cover the app's target system`;
}
