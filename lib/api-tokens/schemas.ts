import { z } from "zod";

export const createApiTokenSchema = z
  .object({
    name: z.string().trim().min(1, "Required").max(100, "At most 100 characters"),
    expiresInDays: z.coerce.number().int().min(1, "At least 1 day").max(365, "At most 365 days").nullable().default(90),
  })
  .strict();
export type CreateApiTokenInput = z.input<typeof createApiTokenSchema>;
