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

/** The row an audit entry becomes; shared by the one-event and the many-events writers. */
export function auditEventData(actor: Actor, entry: AuditEntry): Prisma.AuditEventCreateManyInput {
  return {
    companyId: entry.companyId,
    actorType: actor.type,
    actorId:
      actor.type === "user" || actor.type === "token" ? actor.userId : actor.type === "client" ? actor.clientId : null,
    actorLabel: actor.label,
    action: entry.action,
    targetType: entry.target.type,
    targetId: entry.target.id ?? null,
    targetLabel: entry.target.label,
    before: scrub(entry.before),
    after: scrub(entry.after),
  };
}

/** Writes the audit event inside the caller's transaction, so a change and its record stand or fall together. */
export async function recordAuditEvent(tx: Tx, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({ data: auditEventData(actor, entry) });
}

// Rows per INSERT: audit rows carry JSON, so keep statements well below PostgreSQL's 65,535 bind parameters.
const AUDIT_CHUNK = 1000;

/** Many audit events in few statements (bulk imports write one per created or updated object). */
export async function recordAuditEvents(tx: Tx, actor: Actor, entries: AuditEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += AUDIT_CHUNK) {
    await tx.auditEvent.createMany({ data: entries.slice(i, i + AUDIT_CHUNK).map((e) => auditEventData(actor, e)) });
  }
}
