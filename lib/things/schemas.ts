import { z } from "zod";
import { description, ENTITY_NAME_RULE, entityName } from "../names";
import { listQuerySchema } from "../pagination";

export const JSON_OBJECT_MAX_CHARS = 64 * 1024;

/** Free-form JSON properties of a thing (the reference kept e.g. a specification URL there). */
export const thingProperties = z
  .record(z.string(), z.json())
  .refine(
    (v) => JSON.stringify(v).length <= JSON_OBJECT_MAX_CHARS,
    `At most ${JSON_OBJECT_MAX_CHARS} characters of JSON`,
  );

export const createThingSchema = z
  .object({ name: entityName, description, properties: thingProperties.default({}) })
  .strict();
export type CreateThingInput = z.input<typeof createThingSchema>;

/**
 * `name` is accepted only unchanged (forms send the whole object): it is a level of every datastream's full name,
 * the Kafka message key, so it cannot change after creation.
 */
export const updateThingSchema = z
  .object({
    name: z.string().optional(),
    description: description.unwrap().optional(),
    properties: thingProperties.optional(),
  })
  .strict();
export type UpdateThingInput = z.input<typeof updateThingSchema>;

export const THING_RENAME_REFUSAL = `A thing's name cannot change after creation: it is part of the full name (system.thing.datastream) of its datastreams, their Kafka message key. Create a new thing instead. (${ENTITY_NAME_RULE})`;

export const thingListQuerySchema = listQuerySchema(["name", "createdAt", "updatedAt"], "name");
