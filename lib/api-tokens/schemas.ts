import { z } from "zod";

export const createApiTokenSchema = z
  .object({
    name: z.string().trim().min(1, "Required").max(100, "At most 100 characters"),
    expiresInDays: z.coerce.number().int().min(1, "At least 1 day").max(365, "At most 365 days").nullable().default(90),
  })
  .strict();
export type CreateApiTokenInput = z.input<typeof createApiTokenSchema>;

/** The profile page's choice of lifetimes; "never" means no expiry. */
export const tokenExpiryChoices = ["30", "90", "365", "never"] as const;

export const createTokenFormSchema = z
  .object({
    name: createApiTokenSchema.shape.name,
    expiry: z.enum(tokenExpiryChoices, "Choose 30, 90 or 365 days, or never"),
  })
  .strict();
export type CreateTokenFormInput = z.input<typeof createTokenFormSchema>;

export function tokenInputFromForm(form: z.output<typeof createTokenFormSchema>): CreateApiTokenInput {
  return { name: form.name, expiresInDays: form.expiry === "never" ? null : Number(form.expiry) };
}
