import { z } from "zod";
import { listQuerySchema } from "../pagination";

export const provisioningStatuses = ["pending", "ready", "error", "drift"] as const;
export const resourceTypes = ["topic", "credential", "acls"] as const;

export const provisioningListQuerySchema = listQuerySchema(
  ["resourceKey", "resourceType", "status", "lastErrorAt", "lastReconciledAt"],
  "resourceKey",
).extend({
  status: z.enum(provisioningStatuses).optional(),
  type: z.enum(resourceTypes).optional(),
});
export type ProvisioningListQuery = z.output<typeof provisioningListQuerySchema>;
