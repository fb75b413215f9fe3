import { z } from "zod";
import { createSensorSchema, sensorListQuerySchema, updateSensorSchema } from "../../sensors/schemas";
import { defineEndpoint } from "../define-endpoint";
import { idParam, pageSchema, timestamp } from "../schemas";
import { metadataAuth } from "./things";

const tags = ["Sensors"];

export const sensorSchema = z.object({
  id: z.uuid(),
  systemId: z.uuid(),
  name: z.string(),
  description: z.string(),
  encodingType: z.string().describe("How its metadata is encoded, e.g. application/pdf"),
  metadata: z.string().describe("Usually a link to the data sheet"),
  datastreamCount: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

const systemParams = z.object({ systemId: idParam });
const sensorParams = z.object({ sensorId: idParam });

export const listSensorsEndpoint = defineEndpoint({
  method: "GET",
  path: "/systems/{systemId}/sensors",
  operationId: "listSensors",
  summary: "The system's sensors, paginated, sorted and filtered",
  tags,
  auth: metadataAuth,
  params: systemParams,
  query: sensorListQuerySchema,
  response: pageSchema(sensorSchema),
});

export const createSensorEndpoint = defineEndpoint({
  method: "POST",
  path: "/systems/{systemId}/sensors",
  operationId: "createSensor",
  summary: "Create a sensor (admins, engineers, the system's clients)",
  tags,
  auth: metadataAuth,
  params: systemParams,
  body: createSensorSchema,
  response: sensorSchema,
  status: 201,
});

export const getSensorEndpoint = defineEndpoint({
  method: "GET",
  path: "/sensors/{sensorId}",
  operationId: "getSensor",
  summary: "One sensor",
  tags,
  auth: metadataAuth,
  params: sensorParams,
  response: sensorSchema,
});

export const updateSensorEndpoint = defineEndpoint({
  method: "PATCH",
  path: "/sensors/{sensorId}",
  operationId: "updateSensor",
  summary: "Change a sensor; sensors are in no Kafka name, so they may be renamed",
  tags,
  auth: metadataAuth,
  params: sensorParams,
  body: updateSensorSchema,
  response: sensorSchema,
});

export const deleteSensorEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/sensors/{sensorId}",
  operationId: "deleteSensor",
  summary: "Delete a sensor; its datastreams stay, without a sensor",
  tags,
  auth: metadataAuth,
  params: sensorParams,
  status: 204,
});
