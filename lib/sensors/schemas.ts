import { z } from "zod";
import { description, labelName } from "../names";
import { listQuerySchema } from "../pagination";

const encodingType = z.string().max(200, "At most 200 characters");
const metadata = z.string().max(2000, "At most 2000 characters");

/** Sensors are not part of any Kafka name, so they may be renamed (within their system, names stay unique). */
export const createSensorSchema = z
  .object({ name: labelName, description, encodingType: encodingType.default(""), metadata: metadata.default("") })
  .strict();
export type CreateSensorInput = z.input<typeof createSensorSchema>;

export const updateSensorSchema = z
  .object({
    name: labelName.optional(),
    description: description.unwrap().optional(),
    encodingType: encodingType.optional(),
    metadata: metadata.optional(),
  })
  .strict();
export type UpdateSensorInput = z.input<typeof updateSensorSchema>;

export const sensorListQuerySchema = listQuerySchema(["name", "createdAt", "updatedAt"], "name");
