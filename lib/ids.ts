import { z } from "zod";

const uuid = z.uuid();

/** Ids in URLs are UUIDs; anything else names no object, so it is simply not found (and never reaches SQL). */
export function isId(value: unknown): value is string {
  return uuid.safeParse(value).success;
}
