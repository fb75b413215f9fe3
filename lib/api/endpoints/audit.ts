import { z } from "zod";
import { actorTypes, auditExportQuerySchema, auditListQuerySchema } from "../../audit/schemas";
import { defineEndpoint } from "../define-endpoint";
import { idParam, pageSchema, timestamp } from "../schemas";

const userAuth = ["session", "token"] as const;
const tags = ["Audit log"];
const companyParams = z.object({ companyId: idParam });

export const auditEventSchema = z.object({
  id: z.uuid(),
  at: timestamp,
  actor: z.object({
    type: z.enum(actorTypes).describe("user (signed in), token (a user's API token), client, or system (Rhei itself)"),
    id: z.string().nullable().describe("The user's or client's id"),
    label: z.string(),
  }),
  action: z.string().describe("`<object>.<verb>`, e.g. `client.revoke`"),
  target: z.object({ type: z.string(), id: z.string().nullable(), label: z.string() }),
  before: z.unknown().describe("The object before the change (JSON), if any"),
  after: z.unknown().describe("The object after the change (JSON), if any"),
});

export const listAuditEventsEndpoint = defineEndpoint({
  method: "GET",
  path: "/companies/{companyId}/audit-events",
  operationId: "listAuditEvents",
  summary: "A page of the company's audit log, filtered (admins and auditors)",
  tags,
  auth: userAuth,
  params: companyParams,
  query: auditListQuerySchema,
  response: pageSchema(auditEventSchema),
});

export const exportAuditEventsEndpoint = defineEndpoint({
  method: "GET",
  path: "/companies/{companyId}/audit-events.csv",
  operationId: "exportAuditEvents",
  summary: "Every audit event matching the filters, as CSV (admins and auditors)",
  description:
    "Streams all matching rows (not one page) as RFC 4180 CSV with a header row: time, actor_type, actor, actor_id, " +
    "action, object_type, object_id, object, before, after, event_id. Cells that a spreadsheet would run as a " +
    "formula (starting with = + - @) are prefixed with an apostrophe.",
  tags,
  auth: userAuth,
  params: companyParams,
  query: auditExportQuerySchema,
  produces: "text/csv",
});
