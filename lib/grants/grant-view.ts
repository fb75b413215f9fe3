import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { companyName } from "../names";
import { grantState } from "./grant-state";

/** What both sides of a grant see of it (never more of the other company than the grant names). */
export const grantInclude = {
  sourceCompany: { select: { id: true, domain: true, enterprise: true } },
  targetCompany: { select: { id: true, domain: true, enterprise: true } },
  sourceSystem: { select: { id: true, name: true } },
  targetSystem: { select: { id: true, name: true } },
} satisfies Prisma.GrantInclude;

export type GrantRow = Prisma.GrantGetPayload<{ include: typeof grantInclude }>;

export function grantView(g: GrantRow, now = Date.now()) {
  return {
    id: g.id,
    state: grantState(g, now),
    sourceCompanyId: g.sourceCompanyId,
    sourceCompany: companyName(g.sourceCompany),
    sourceSystemId: g.sourceSystemId,
    sourceSystem: g.sourceSystem.name,
    targetCompanyId: g.targetCompanyId,
    targetCompany: companyName(g.targetCompany),
    targetSystemId: g.targetSystemId,
    targetSystem: g.targetSystem?.name ?? null,
    datastreams: g.datastreams,
    filter: g.filter,
    description: g.description,
    endsAt: g.endsAt,
    offeredBy: g.offeredBy,
    offeredAt: g.createdAt,
    answeredBy: g.answeredBy,
    answeredAt: g.answeredAt,
    revokedBy: g.revokedBy,
    revokedAt: g.revokedAt,
    revokedBySide:
      g.revokedByCompanyId === null
        ? null
        : g.revokedByCompanyId === g.sourceCompanyId
          ? ("source" as const)
          : ("receiver" as const),
  };
}
export type GrantView = ReturnType<typeof grantView>;

/** How the audit log names a grant: `<source system>.<pattern> → <receiver>`. */
export function grantLabel(g: GrantRow): string {
  return `${g.sourceSystem.name}.${g.datastreams} → ${g.targetSystem?.name ?? companyName(g.targetCompany)}`;
}
