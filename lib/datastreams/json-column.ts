import { Prisma } from "../generated/prisma/client";

/** A nullable Json column's value: SQL NULL for "none" (Prisma refuses a bare null there). */
export function nullableJson(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  return value === null || value === undefined ? Prisma.DbNull : (value as Prisma.InputJsonValue);
}
