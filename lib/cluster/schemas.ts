import { z } from "zod";

export const offsetResetSchema = z
  .object({
    groupId: z.string().trim().min(1, "Choose a consumer group").max(400),
    to: z.enum(["start", "end", "time"], { message: "Choose the start, the end or a point in time" }),
    /** ISO-8601; needed when `to` is "time". */
    at: z.coerce.date({ message: "A date and time" }).optional(),
  })
  .strict()
  .refine((v) => v.to !== "time" || v.at !== undefined, { path: ["at"], message: "Give the point in time" });
export type OffsetResetInput = z.input<typeof offsetResetSchema>;
