import { z } from "zod";
import { description, labelName } from "../names";
import { listQuerySchema } from "../pagination";

/** Usually a URI naming the quantity, e.g. a QUDT quantity kind. */
const definition = z.string().max(2000, "At most 2000 characters");

export const createObservedPropertySchema = z
  .object({ name: labelName, description, definition: definition.default("") })
  .strict();
export type CreateObservedPropertyInput = z.input<typeof createObservedPropertySchema>;

export const updateObservedPropertySchema = z
  .object({
    name: labelName.optional(),
    description: description.unwrap().optional(),
    definition: definition.optional(),
  })
  .strict();
export type UpdateObservedPropertyInput = z.input<typeof updateObservedPropertySchema>;

export const observedPropertyListQuerySchema = listQuerySchema(["name", "createdAt", "updatedAt"], "name");
