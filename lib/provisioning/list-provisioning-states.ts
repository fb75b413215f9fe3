import "server-only";
import type { Actor } from "../authz/actor";
import { authorize } from "../authz/authorize";
import { db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { pageOf, skipTake } from "../pagination";
import { parseInput } from "../validation";
import { provisioningListQuerySchema } from "./schemas";

/** Every Kafka resource of the company with where it stands, for the provisioning overview (admins). */
export async function listProvisioningStates({
  actor,
  companyId,
  query,
}: {
  actor: Actor;
  companyId: string;
  query: unknown;
}) {
  await authorize(actor, "cluster.read", { companyId, what: "Company" });
  const q = parseInput(provisioningListQuerySchema, query ?? {});
  const where: Prisma.ProvisioningStateWhereInput = {
    companyId,
    ...(q.status ? { status: q.status } : {}),
    ...(q.type ? { resourceType: q.type } : {}),
    ...(q.q ? { resourceKey: { contains: q.q, mode: "insensitive" } } : {}),
  };
  const [items, total, counts, systems, clients] = await Promise.all([
    db.provisioningState.findMany({
      where,
      orderBy: [
        // Times can be empty (never failed, never reconciled): those go last whatever the direction.
        {
          [q.sort]:
            q.sort === "lastErrorAt" || q.sort === "lastReconciledAt" ? { sort: q.order, nulls: "last" } : q.order,
        },
        { id: "asc" },
      ],
      ...skipTake(q),
      select: {
        id: true,
        resourceType: true,
        resourceKey: true,
        status: true,
        lastError: true,
        lastErrorAt: true,
        lastReconciledAt: true,
        attempts: true,
        systemId: true,
        clientId: true,
      },
    }),
    db.provisioningState.count({ where }),
    db.provisioningState.groupBy({ by: ["status"], where: { companyId }, _count: { _all: true } }),
    db.system.count({ where: { companyId } }),
    db.client.count({ where: { system: { companyId } } }),
  ]);
  const byStatus = { pending: 0, ready: 0, error: 0, drift: 0 };
  for (const c of counts) byStatus[c.status] = c._count._all;
  const rows = byStatus.pending + byStatus.ready + byStatus.error + byStatus.drift;
  // Resources the reconciler has not seen yet have no row: they wait too.
  const unseen = Math.max(0, systems * 3 + clients * 2 - rows);
  return { ...pageOf(items, total, q), byStatus, waiting: byStatus.pending + byStatus.drift + unseen };
}
