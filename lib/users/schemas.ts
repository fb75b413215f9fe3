import { z } from "zod";

import { emailSchema } from "../auth/credential-schemas";

export const passwordSchema = z.string().min(10, "At least 10 characters").max(200, "At most 200 characters");

export const userNameSchema = z.string().trim().min(1, "Required").max(100, "At most 100 characters");

export const signUpSchema = z
  .object({
    name: userNameSchema,
    email: emailSchema,
    password: passwordSchema,
  })
  .strict();
export type SignUpInput = z.input<typeof signUpSchema>;

export const updateProfileSchema = z.object({ name: userNameSchema }).strict();
export type UpdateProfileInput = z.input<typeof updateProfileSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Required").max(200, "At most 200 characters"),
    newPassword: passwordSchema,
    confirmPassword: z.string().max(200, "At most 200 characters"),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.confirmPassword !== v.newPassword) {
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "Does not match the new password" });
    }
    if (v.newPassword === v.currentPassword && v.newPassword !== "") {
      ctx.addIssue({ code: "custom", path: ["newPassword"], message: "Choose a password other than the current one" });
    }
  });
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;
