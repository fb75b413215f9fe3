import { z } from "zod";

// The audit log's filters, shared by the page (URL), the JSON list and the CSV export, so all three select the same
// rows. Empty values (an emptied input in the URL) mean "no filter".
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters`)
    .optional()
    .transform((v) => v || undefined);

/**
 * A time bound: an ISO 8601 date-time with offset (`2026-11-25T10:00:00Z`) or a date (`2026-11-25`, UTC). A Date
 * passes as it is: entry points parse a query and hand it to the domain operation, which parses it again, so every
 * schema must take its own output (parse ∘ parse = parse; the idempotence test checks it).
 */
const timeBound = (edge: "from" | "to") =>
  z
    .preprocess(
      (v) => (v instanceof Date ? v.toISOString() : v),
      z.union(
        [z.iso.datetime({ offset: true }), z.iso.date()],
        "Use an ISO 8601 date-time with offset (2026-11-25T10:00:00Z) or a date (2026-11-25)",
      ),
    )
    .optional()
    .transform((v) => {
      if (!v) return undefined;
      if (v.length > 10) return new Date(v);
      // A date means the whole day (UTC): `to=2026-11-25` includes that day.
      const day = new Date(`${v}T00:00:00Z`);
      return edge === "to" ? new Date(day.getTime() + 86_400_000) : day;
    });

export const auditFilterShape = {
  actor: optionalText(200).describe("Actor label contains this (case-insensitive), e.g. an email"),
  action: z
    .string()
    .trim()
    .max(100, "At most 100 characters")
    .regex(/^[A-Za-z0-9._-]*\*?$/, "Letters, digits, '.', '_', '-', optionally ending in '*'")
    .optional()
    .transform((v) => v || undefined)
    .describe("An action (`client.revoke`), or a prefix ending in '.' or '*' (`client.`)"),
  targetType: z
    .string()
    .trim()
    .max(50, "At most 50 characters")
    .regex(/^[a-z-]*$/, "Lower-case letters and '-'")
    .optional()
    .transform((v) => v || undefined)
    .describe("Object type, e.g. `system`, `client`, `membership`"),
  target: optionalText(200).describe("Object id (exact) or label (contains)"),
  from: timeBound("from").describe("Events at or after this time"),
  to: timeBound("to").describe("Events before this time (a date includes that whole day)"),
  order: z.enum(["desc", "asc"]).default("desc").describe("By time: newest first (desc) or oldest first"),
};

function fromBeforeTo(value: { from?: Date; to?: Date }, ctx: z.RefinementCtx) {
  if (value.from && value.to && value.from >= value.to) {
    ctx.addIssue({ code: "custom", path: ["to"], message: "Must be later than from" });
  }
}

export const auditListQuerySchema = z
  .object({
    ...auditFilterShape,
    page: z.coerce.number().int().min(1, "page starts at 1").max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200, "at most 200 rows a page").default(50),
    sort: z.enum(["at"]).default("at").describe("Audit events sort by time only"),
  })
  .strict()
  .superRefine(fromBeforeTo);
export type AuditListQuery = z.output<typeof auditListQuerySchema>;

/** The export takes the same filters without paging: it writes every matching row. */
export const auditExportQuerySchema = z.object(auditFilterShape).strict().superRefine(fromBeforeTo);
export type AuditFilters = z.output<typeof auditExportQuerySchema>;

export const actorTypes = ["user", "token", "client", "system"] as const;
