import { z } from "zod";

// Everything one console process (or worker) must tell the others when it changes something: ids only, so a
// payload stays far below PostgreSQL's 8000-byte NOTIFY limit and a listener reads what it needs afresh. Parsed on
// arrival, since another process (maybe another version) wrote it.

const id = z.string().max(64);
const change = z.enum(["created", "updated", "deleted"]);

export const changeEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("company.changed"), companyId: id, change }),
  z.object({ type: z.literal("system.changed"), companyId: id, systemId: id, change }),
  z.object({ type: z.literal("client.changed"), companyId: id, systemId: id, clientId: id, change }),
  /** One datastream, or (without datastreamId) several of the system at once: an import, a thing deleted. */
  z.object({
    type: z.literal("datastream.changed"),
    companyId: id,
    systemId: id,
    datastreamId: id.optional(),
    change,
  }),
  /** A member added, removed or given another role: that user's rights in the company changed. */
  z.object({ type: z.literal("membership.changed"), companyId: id, userId: id }),
  /** The user's sessions signed in before `epoch` are void (a password change, "sign out other sessions"). */
  z.object({ type: z.literal("session.voided"), userId: id, epoch: z.number().int() }),
  /** Someone asked for a provisioning pass now. */
  z.object({ type: z.literal("provisioning.requested"), companyId: id }),
  z.object({ type: z.literal("dashboard.changed"), companyId: id, dashboardId: id, change }),
  z.object({ type: z.literal("alarm-rule.changed"), companyId: id, datastreamId: id, ruleId: id, change }),
  z.object({ type: z.literal("alarm.changed"), companyId: id, alarmId: id, change }),
  z.object({ type: z.literal("stream-app.changed"), companyId: id, appId: id, change }),
  z.object({ type: z.literal("grant.changed"), companyId: id, targetCompanyId: id, grantId: id, change }),
]);

export type ChangeEvent = z.infer<typeof changeEventSchema>;
export type ChangeEventType = ChangeEvent["type"];
export type ChangeEventOf<T extends ChangeEventType> = Extract<ChangeEvent, { type: T }>;

/**
 * Said to listeners after their connection to PostgreSQL came back: events published while it was away are lost,
 * so each listener catches up its own way (the reconciler runs a full pass, sockets re-check their rights).
 */
export const EVENTS_RESUMED = "events.resumed" as const;
