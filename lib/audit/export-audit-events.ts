import "server-only";
import type { Actor } from "../authz/actor";
import { authorize } from "../authz/authorize";
import { csvRow } from "../csv/encode-csv";
import { db } from "../db/client";
import type { AuditEvent, Prisma } from "../generated/prisma/client";
import { companyName } from "../names";
import { parseInput } from "../validation";
import { auditWhere } from "./audit-where";
import { auditExportQuerySchema } from "./schemas";

export const AUDIT_CSV_HEADER = [
  "time",
  "actor_type",
  "actor",
  "actor_id",
  "action",
  "object_type",
  "object_id",
  "object",
  "before",
  "after",
  "event_id",
] as const;

function toCsv(e: AuditEvent): string {
  return csvRow([
    e.at.toISOString(),
    e.actorType,
    e.actorLabel,
    e.actorId,
    e.action,
    e.targetType,
    e.targetId,
    e.targetLabel,
    e.before === null ? null : JSON.stringify(e.before),
    e.after === null ? null : JSON.stringify(e.after),
    e.id,
  ]);
}

// Rows after the last one sent, in the export's order: keyset pagination on (at, id), so each chunk is an index
// range scan however deep into the log it is (OFFSET would re-read every earlier row).
function after(last: AuditEvent, order: "asc" | "desc"): Prisma.AuditEventWhereInput {
  const beyond = order === "desc" ? "lt" : "gt";
  return { OR: [{ at: { [beyond]: last.at } }, { at: last.at, id: { [beyond]: last.id } }] };
}

/**
 * Every audit event of a company that matches the filters, as a CSV stream (admins and auditors). The right is
 * checked and the query parsed before the stream starts, so errors are still ordinary responses; rows are read in
 * chunks as the client consumes them. Events written after the export began are left out, so it is one snapshot.
 */
export async function exportAuditEventsCsv({
  actor,
  companyId,
  query,
  chunkSize = 1000,
}: {
  actor: Actor;
  companyId: string;
  query: unknown;
  chunkSize?: number;
}) {
  await authorize(actor, "audit.read", { companyId, what: "Company" });
  const q = parseInput(auditExportQuerySchema, query ?? {});
  const company = await db.company.findUniqueOrThrow({ where: { id: companyId } });
  const asOf = new Date();
  const base: Prisma.AuditEventWhereInput = { AND: [auditWhere(companyId, q), { at: { lte: asOf } }] };
  const encoder = new TextEncoder();
  let last: AuditEvent | null = null;
  let started = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(csvRow(AUDIT_CSV_HEADER)));
        return;
      }
      const rows: AuditEvent[] = await db.auditEvent.findMany({
        where: last ? { AND: [base, after(last, q.order)] } : base,
        orderBy: [{ at: q.order }, { id: q.order }],
        take: chunkSize,
      });
      if (rows.length > 0) controller.enqueue(encoder.encode(rows.map(toCsv).join("")));
      last = rows.at(-1) ?? last;
      if (rows.length < chunkSize) controller.close();
    },
  });
  const stamp = asOf.toISOString().slice(0, 19).replaceAll(":", "-");
  return { stream, filename: `audit-${companyName(company)}-${stamp}.csv` };
}
