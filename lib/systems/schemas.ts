import { z } from "zod";
import { description, namePart } from "../names";
import { listQuerySchema } from "../pagination";

const retentionDays = z.coerce
  .number()
  .int("Whole days")
  .min(1, "At least 1 day")
  .max(3650, "At most 3650 days (10 years)");
const partitions = z.coerce.number().int("A whole number").min(1, "At least 1").max(64, "At most 64");

export const createSystemSchema = z
  .object({
    workcenter: namePart,
    station: namePart,
    description,
    retentionDays: retentionDays.default(14),
    partitions: partitions.default(3),
  })
  .strict();
export type CreateSystemInput = z.input<typeof createSystemSchema>;

/**
 * Names cannot change (they name Kafka topics and principals); partitions can only grow (Kafka's rule). A field
 * left out stays as it is: `description.optional()` alone would still apply its default and blank the description.
 */
export const updateSystemSchema = z
  .object({
    description: description.unwrap().optional(),
    retentionDays: retentionDays.optional(),
    partitions: partitions.optional(),
  })
  .strict();
export type UpdateSystemInput = z.input<typeof updateSystemSchema>;

export const systemListQuerySchema = listQuerySchema(["name", "createdAt", "retentionDays"], "name");
