import { z } from "zod";
import { createSystemSchema, systemListQuerySchema, updateSystemSchema } from "../../systems/schemas";
import { systemTopics } from "../../topology/system-topics";
import { defineEndpoint } from "../define-endpoint";
import { idParam, pageSchema, timestamp } from "../schemas";

const userAuth = ["session", "token"] as const;
const tags = ["Systems"];

export const systemSchema = z.object({
  id: z.uuid(),
  companyId: z.uuid(),
  name: z.string().describe("domain.enterprise.workcenter.station"),
  workcenter: z.string(),
  station: z.string(),
  description: z.string(),
  retentionDays: z.number().int(),
  partitions: z.number().int(),
  topics: z
    .object({ int: z.string(), ext: z.string(), log: z.string() })
    .describe("The system's Kafka topics: its clients' data, data pushed in by stream apps, and client logs"),
  createdAt: timestamp,
  updatedAt: timestamp,
});

const companyParams = z.object({ companyId: idParam });
const systemParams = z.object({ systemId: idParam });

export const listSystemsEndpoint = defineEndpoint({
  method: "GET",
  path: "/companies/{companyId}/systems",
  operationId: "listSystems",
  summary: "The company's systems",
  tags,
  auth: userAuth,
  params: companyParams,
  query: systemListQuerySchema,
  response: pageSchema(systemSchema),
});

export const createSystemEndpoint = defineEndpoint({
  method: "POST",
  path: "/companies/{companyId}/systems",
  operationId: "createSystem",
  summary: "Create a system (admins); its Kafka topics are provisioned after",
  description: "Named `domain.enterprise.workcenter.station`; workcenter and station cannot change later.",
  tags,
  auth: userAuth,
  params: companyParams,
  body: createSystemSchema,
  response: systemSchema,
  status: 201,
});

export const getSystemEndpoint = defineEndpoint({
  method: "GET",
  path: "/systems/{systemId}",
  operationId: "getSystem",
  summary: "One system",
  tags,
  auth: userAuth,
  params: systemParams,
  response: systemSchema,
});

export const updateSystemEndpoint = defineEndpoint({
  method: "PATCH",
  path: "/systems/{systemId}",
  operationId: "updateSystem",
  summary: "Change description, retention or partitions (admins); partitions only grow",
  tags,
  auth: userAuth,
  params: systemParams,
  body: updateSystemSchema,
  response: systemSchema,
});

export const deleteSystemEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/systems/{systemId}",
  operationId: "deleteSystem",
  summary: "Delete a system with its things, sensors, datastreams and Kafka topics (admins)",
  description: "Refused with 409 while the system has client applications: delete them first.",
  tags,
  auth: userAuth,
  params: systemParams,
  status: 204,
});

/** A system as the API shows it: the row plus its topic names. */
export function systemView<S extends { name: string }>(system: S) {
  return { ...system, topics: systemTopics(system.name) };
}
