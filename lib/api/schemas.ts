import { z } from "zod";

// Response building blocks shared by the endpoint contracts.
export const idParam = z.uuid();
export const timestamp = z.iso.datetime({ offset: true });

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    pageCount: z.number().int(),
  });
}

export const roleEnum = z.enum(["admin", "engineer", "operator", "auditor"]);
