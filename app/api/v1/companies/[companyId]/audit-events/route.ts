import { listAuditEventsEndpoint } from "@/lib/api/endpoints/audit";
import { handle } from "@/lib/api/handle";
import { listAuditEvents } from "@/lib/audit/list-audit-events";

// GET /api/v1/companies/{companyId}/audit-events: a filtered page of the audit log (admins and auditors).
export const GET = handle(listAuditEventsEndpoint, async ({ actor, params, query }) => {
  const page = await listAuditEvents({ actor, companyId: params.companyId, query });
  return {
    ...page,
    items: page.items.map((e) => ({
      id: e.id,
      at: e.at,
      actor: { type: e.actorType, id: e.actorId, label: e.actorLabel },
      action: e.action,
      target: { type: e.targetType, id: e.targetId, label: e.targetLabel },
      before: e.before,
      after: e.after,
    })),
  };
});
