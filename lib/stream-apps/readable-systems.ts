import "server-only";
import { db } from "../db/client";
import { companyName } from "../names";
import type { ReadableSystem } from "./source-plan";

/**
 * Every system a stream app of the company, writing into `targetSystemId`, may read now: the company's own, and
 * those granted to it (accepted, not expired, to the company or to that target system).
 */
export async function readableSystems(companyId: string, targetSystemId: string | null): Promise<ReadableSystem[]> {
  const now = new Date();
  const [own, grants] = await Promise.all([
    db.system.findMany({
      where: { companyId },
      select: { id: true, name: true, companyId: true },
      orderBy: { name: "asc" },
    }),
    db.grant.findMany({
      where: {
        targetCompanyId: companyId,
        status: "accepted",
        OR: [{ endsAt: null }, { endsAt: { gt: now } }],
        ...(targetSystemId
          ? { AND: [{ OR: [{ targetSystemId: null }, { targetSystemId }] }] }
          : { targetSystemId: null }),
      },
      select: {
        id: true,
        datastreams: true,
        filter: true,
        endsAt: true,
        sourceSystem: { select: { id: true, name: true, companyId: true } },
        sourceCompany: { select: { domain: true, enterprise: true } },
      },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  const out = new Map<string, ReadableSystem>();
  for (const s of own) out.set(s.id, { ...s, own: true, grants: [] });
  for (const g of grants) {
    const s = g.sourceSystem;
    const entry = out.get(s.id) ?? { ...s, own: false, grants: [] };
    if (!entry.own) {
      entry.grants.push({
        id: g.id,
        datastreams: g.datastreams,
        filter: g.filter,
        endsAt: g.endsAt,
        sourceCompany: companyName(g.sourceCompany),
      });
    }
    out.set(s.id, entry);
  }
  return [...out.values()].sort((a, b) => a.name.localeCompare(b.name));
}
