import { z } from "zod";
import { createThingSchema, thingListQuerySchema, updateThingSchema } from "../../things/schemas";
import { defineEndpoint } from "../define-endpoint";
import { idParam, pageSchema, timestamp } from "../schemas";

/** Metadata endpoints take users (session, token) and the system's own client applications (HTTP Basic). */
export const metadataAuth = ["session", "token", "client"] as const;
const tags = ["Things"];

export const thingSchema = z.object({
  id: z.uuid(),
  systemId: z.uuid(),
  name: z.string().describe("The second-to-last level of its datastreams' full names; fixed after creation"),
  description: z.string(),
  properties: z.record(z.string(), z.unknown()).describe("Free-form JSON, e.g. a specification URL"),
  datastreamCount: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

const systemParams = z.object({ systemId: idParam });
const thingParams = z.object({ thingId: idParam });

export const listThingsEndpoint = defineEndpoint({
  method: "GET",
  path: "/systems/{systemId}/things",
  operationId: "listThings",
  summary: "The system's things (assets), paginated, sorted and filtered",
  tags,
  auth: metadataAuth,
  params: systemParams,
  query: thingListQuerySchema,
  response: pageSchema(thingSchema),
});

export const createThingEndpoint = defineEndpoint({
  method: "POST",
  path: "/systems/{systemId}/things",
  operationId: "createThing",
  summary: "Create a thing (admins, engineers, the system's clients)",
  description: "Its name is a level of `system.thing.datastream` and cannot change later.",
  tags,
  auth: metadataAuth,
  params: systemParams,
  body: createThingSchema,
  response: thingSchema,
  status: 201,
});

export const getThingEndpoint = defineEndpoint({
  method: "GET",
  path: "/things/{thingId}",
  operationId: "getThing",
  summary: "One thing",
  tags,
  auth: metadataAuth,
  params: thingParams,
  response: thingSchema,
});

export const updateThingEndpoint = defineEndpoint({
  method: "PATCH",
  path: "/things/{thingId}",
  operationId: "updateThing",
  summary: "Change a thing's description or properties; its name is fixed",
  tags,
  auth: metadataAuth,
  params: thingParams,
  body: updateThingSchema,
  response: thingSchema,
});

export const deleteThingEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/things/{thingId}",
  operationId: "deleteThing",
  summary: "Delete a thing with all its datastreams and their schema versions",
  tags,
  auth: metadataAuth,
  params: thingParams,
  status: 204,
});

/** A thing, sensor or observed property as the API shows it: the row with how many datastreams use it. */
export function withDatastreamCount<T extends object>(row: T & { _count?: { datastreams: number } }) {
  const { _count, ...rest } = row;
  return { ...rest, datastreamCount: _count?.datastreams ?? 0 };
}
