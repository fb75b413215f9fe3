import { z } from "zod";
import {
  createObservedPropertySchema,
  observedPropertyListQuerySchema,
  updateObservedPropertySchema,
} from "../../observed-properties/schemas";
import { defineEndpoint } from "../define-endpoint";
import { idParam, pageSchema, timestamp } from "../schemas";
import { metadataAuth } from "./things";

const tags = ["Observed properties"];

export const observedPropertySchema = z.object({
  id: z.uuid(),
  systemId: z.uuid(),
  name: z.string(),
  description: z.string(),
  definition: z.string().describe("Usually a URI naming the quantity"),
  datastreamCount: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

const systemParams = z.object({ systemId: idParam });
const propertyParams = z.object({ observedPropertyId: idParam });

export const listObservedPropertiesEndpoint = defineEndpoint({
  method: "GET",
  path: "/systems/{systemId}/observed-properties",
  operationId: "listObservedProperties",
  summary: "The system's observed properties (what its datastreams measure), paginated, sorted and filtered",
  tags,
  auth: metadataAuth,
  params: systemParams,
  query: observedPropertyListQuerySchema,
  response: pageSchema(observedPropertySchema),
});

export const createObservedPropertyEndpoint = defineEndpoint({
  method: "POST",
  path: "/systems/{systemId}/observed-properties",
  operationId: "createObservedProperty",
  summary: "Create an observed property (admins, engineers, the system's clients)",
  tags,
  auth: metadataAuth,
  params: systemParams,
  body: createObservedPropertySchema,
  response: observedPropertySchema,
  status: 201,
});

export const getObservedPropertyEndpoint = defineEndpoint({
  method: "GET",
  path: "/observed-properties/{observedPropertyId}",
  operationId: "getObservedProperty",
  summary: "One observed property",
  tags,
  auth: metadataAuth,
  params: propertyParams,
  response: observedPropertySchema,
});

export const updateObservedPropertyEndpoint = defineEndpoint({
  method: "PATCH",
  path: "/observed-properties/{observedPropertyId}",
  operationId: "updateObservedProperty",
  summary: "Change an observed property",
  tags,
  auth: metadataAuth,
  params: propertyParams,
  body: updateObservedPropertySchema,
  response: observedPropertySchema,
});

export const deleteObservedPropertyEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/observed-properties/{observedPropertyId}",
  operationId: "deleteObservedProperty",
  summary: "Delete an observed property; its datastreams stay, without one",
  tags,
  auth: metadataAuth,
  params: propertyParams,
  status: 204,
});
