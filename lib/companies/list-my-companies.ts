import "server-only";
import { db } from "../db/client";

/** The companies the user belongs to, with the user's role and a count of their systems. */
export async function listMyCompanies({ userId }: { userId: string }) {
  const memberships = await db.membership.findMany({
    where: { userId },
    select: {
      role: true,
      company: {
        select: {
          id: true,
          domain: true,
          enterprise: true,
          description: true,
          createdAt: true,
          _count: { select: { systems: true, memberships: true } },
        },
      },
    },
    orderBy: [{ company: { domain: "asc" } }, { company: { enterprise: "asc" } }],
  });
  return memberships.map((m) => ({ ...m.company, role: m.role }));
}
