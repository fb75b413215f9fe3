import "server-only";
import type { Actor } from "../authz/actor";
import type { Tx } from "../db/client";
import type { Prisma } from "../generated/prisma/client";

export interface AuditEntry {
  companyId: string | null;
  action: string;
  target: { type: string; id?: string; label: string };
  before?: unknown;
  after?: unknown;
}

// Secrets never enter the audit log, whatever a caller passes as before/after.
const secretKeys = new Set(["passwordHash", "secretHash", "tokenHash", "secret", "password", "token"]);

function scrub(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(
    JSON.stringify(value, (key, v) => (secretKeys.has(key) ? undefined : typeof v === "bigint" ? v.toString() : v)),
  ) as Prisma.InputJsonValue;
}

function actorIdOf(actor: Actor): string | null {
  if (actor.type === "user" || actor.type === "token") return actor.userId;
  return actor.type === "client" ? actor.clientId : null;
}

/** Writes the audit event inside the caller's transaction, so a change and its record stand or fall together. */
export async function recordAuditEvent(tx: Tx, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      companyId: entry.companyId,
      actorType: actor.type,
      actorId: actorIdOf(actor),
      actorLabel: actor.label,
      action: entry.action,
      targetType: entry.target.type,
      targetId: entry.target.id ?? null,
      targetLabel: entry.target.label,
      before: scrub(entry.before),
      after: scrub(entry.after),
    },
  });
}

/** Many audit events by one actor in one insert (the reconciler records each of its actions). */
export async function recordAuditEvents(tx: Tx, actor: Actor, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.auditEvent.createMany({
    data: entries.map((entry) => ({
      companyId: entry.companyId,
      actorType: actor.type,
      actorId: actorIdOf(actor),
      actorLabel: actor.label,
      action: entry.action,
      targetType: entry.target.type,
      targetId: entry.target.id ?? null,
      targetLabel: entry.target.label,
      before: scrub(entry.before),
      after: scrub(entry.after),
    })),
  });
}
