import { z } from "zod";

// What a user signs in with; lib/users builds its forms (sign-up, profile) on these.

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "At most 254 characters")
  .pipe(z.email("Enter an email address such as ada@example.com"));

export const signInSchema = z.object({ email: emailSchema, password: z.string().min(1, "Required").max(200) });
