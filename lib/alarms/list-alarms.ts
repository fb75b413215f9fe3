import "server-only";
import type { Actor } from "../authz/actor";
import { authorize } from "../authz/authorize";
import { db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { pageOf, skipTake } from "../pagination";
import { parseInput } from "../validation";
import { alarmListQuerySchema } from "./schemas";

/** The company's alarms, newest first, filtered by state, severity, datastream and acknowledgement. */
export async function listAlarms({ actor, companyId, query }: { actor: Actor; companyId: string; query: unknown }) {
  await authorize(actor, "data.read", { companyId, what: "Company" });
  const q = parseInput(alarmListQuerySchema, query ?? {});
  const where: Prisma.AlarmWhereInput = {
    companyId,
    ...(q.state === "all" ? {} : { state: q.state }),
    ...(q.severity ? { severity: q.severity } : {}),
    ...(q.datastreamId ? { datastreamId: q.datastreamId } : {}),
    ...(q.acknowledged === "yes"
      ? { acknowledgedAt: { not: null } }
      : q.acknowledged === "no"
        ? { acknowledgedAt: null }
        : {}),
  };
  const paging = { ...q, sort: "raisedAt", order: "desc" as const };
  const [rows, total] = await Promise.all([
    db.alarm.findMany({
      where,
      orderBy: [{ raisedAt: "desc" }, { id: "desc" }],
      ...skipTake(paging),
      include: {
        rule: {
          select: { name: true, datastream: { select: { id: true, name: true, fullName: true, systemId: true } } },
        },
      },
    }),
    db.alarm.count({ where }),
  ]);
  return pageOf(rows, total, paging);
}

/** Open alarms nobody acknowledged yet in the user's companies (the header's bell): how many, and the newest. */
export async function unacknowledgedAlarms({ userId }: { userId: string }) {
  const companies = await db.membership.findMany({ where: { userId }, select: { companyId: true } });
  const where = { companyId: { in: companies.map((c) => c.companyId) }, state: "open" as const, acknowledgedAt: null };
  const [count, newest] = await Promise.all([
    db.alarm.count({ where }),
    db.alarm.findMany({
      where,
      orderBy: { raisedAt: "desc" },
      take: 8,
      select: { id: true, companyId: true, severity: true, message: true, raisedAt: true },
    }),
  ]);
  return { count, newest };
}
