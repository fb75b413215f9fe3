import { z } from "zod";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "At most 254 characters")
  .pipe(z.email("Enter an email address such as ada@example.com"));

export const passwordSchema = z.string().min(10, "At least 10 characters").max(200, "At most 200 characters");

export const signUpSchema = z
  .object({
    name: z.string().trim().min(1, "Required").max(100, "At most 100 characters"),
    email: emailSchema,
    password: passwordSchema,
  })
  .strict();
export type SignUpInput = z.input<typeof signUpSchema>;

export const signInSchema = z.object({ email: emailSchema, password: z.string().min(1, "Required").max(200) });
