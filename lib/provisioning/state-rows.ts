import "server-only";
import { db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { sameJson } from "../stable-json";
import type { DesiredResource, ResourceType, StateRow } from "./types";

export interface FullStateRow extends StateRow {
  observed: unknown;
  lastError: string | null;
  attempts: number;
}

/** The marker a row of a resource no longer wanted carries as desired, until the reconciler removed it. */
export const REMOVED = { removed: true } as const;

const selectRow = {
  id: true,
  resourceType: true,
  resourceKey: true,
  companyId: true,
  systemId: true,
  clientId: true,
  streamAppId: true,
  desired: true,
  observed: true,
  status: true,
  lastError: true,
  attempts: true,
} as const;

function toRow(r: Prisma.ProvisioningStateGetPayload<{ select: typeof selectRow }>): FullStateRow {
  return {
    id: r.id,
    type: r.resourceType as ResourceType,
    key: r.resourceKey,
    companyId: r.companyId,
    systemId: r.systemId,
    clientId: r.clientId,
    streamAppId: r.streamAppId,
    desired: r.desired,
    observed: r.observed,
    status: r.status,
    lastError: r.lastError,
    attempts: r.attempts,
  };
}

async function loadRows(companyIds: string[] | undefined, desired: DesiredResource[]): Promise<FullStateRow[]> {
  // Rows of the companies in scope, plus any row (of whatever company) of a resource now wanted: a name can
  // come back under a new company or system, and its old row must be found, not duplicated.
  const where: Prisma.ProvisioningStateWhereInput = companyIds
    ? { OR: [{ companyId: { in: companyIds } }, { resourceKey: { in: [...new Set(desired.map((d) => d.key))] } }] }
    : {};
  const rows = await db.provisioningState.findMany({ where, select: selectRow, orderBy: { resourceKey: "asc" } });
  return rows.map(toRow);
}

/**
 * Makes the rows say what the database wants before Kafka is asked anything, so the UI shows "pending" for new
 * and changed resources even while Kafka is away: new resources get a pending row, changed ones go back to
 * pending with their new desired value, and rows of resources no longer wanted are marked for removal.
 */
export async function syncStateRows(
  companyIds: string[] | undefined,
  desired: DesiredResource[],
): Promise<FullStateRow[]> {
  const rows = await loadRows(companyIds, desired);
  const byKey = new Map(rows.map((r) => [`${r.type}\u0000${r.key}`, r]));
  const wanted = new Set<string>();
  const creates: Prisma.ProvisioningStateCreateManyInput[] = [];
  const updates: { id: string; desired: unknown }[] = [];
  for (const d of desired) {
    const k = `${d.type}\u0000${d.key}`;
    wanted.add(k);
    const row = byKey.get(k);
    if (!row) {
      creates.push({
        companyId: d.companyId,
        systemId: d.systemId,
        clientId: d.clientId,
        streamAppId: d.streamAppId ?? null,
        resourceType: d.type,
        resourceKey: d.key,
        desired: d.desired as Prisma.InputJsonValue,
        status: "pending",
      });
    } else if (!sameJson(row.desired, d.desired)) {
      updates.push({ id: row.id, desired: d.desired });
    }
  }
  for (const row of rows) {
    if (!wanted.has(`${row.type}\u0000${row.key}`) && !sameJson(row.desired, REMOVED)) {
      updates.push({ id: row.id, desired: REMOVED });
    }
  }
  if (creates.length === 0 && updates.length === 0) return rows;
  await db.$transaction(
    async (tx) => {
      if (creates.length > 0) await tx.provisioningState.createMany({ data: creates, skipDuplicates: true });
      for (const u of updates) {
        await tx.provisioningState.update({
          where: { id: u.id },
          data: { desired: u.desired as Prisma.InputJsonValue, status: "pending" },
        });
      }
    },
    { timeout: 60_000 },
  );
  return loadRows(companyIds, desired);
}
