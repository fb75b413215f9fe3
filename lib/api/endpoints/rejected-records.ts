import { z } from "zod";
import { systemRejectedRecordsQuerySchema } from "../../rejected-records/schemas";
import { defineEndpoint } from "../define-endpoint";
import { idParam, pageSchema } from "../schemas";
import { rejectedRecordSchema } from "./datastreams";

const tags = ["Rejected records"];
const userAuth = ["session", "token"] as const;

const systemRejectedRecordSchema = rejectedRecordSchema.extend({
  datastream: z
    .object({ id: z.uuid(), name: z.string(), fullName: z.string() })
    .nullable()
    .describe("The system's datastream the record named, or null when it named none of them"),
});

const byReporter = z
  .array(z.object({ reportedBy: z.string(), kept: z.number().int() }))
  .describe("Kept samples per reporter (clients and console components)");

export const listSystemRejectedRecordsEndpoint = defineEndpoint({
  method: "GET",
  path: "/systems/{systemId}/rejected-records",
  operationId: "listSystemRejectedRecords",
  summary: "Records on the system's topics that no reader could use, whatever they named (newest first)",
  description:
    "Every rejection is counted once per Kafka message, whoever noticed it (a client, the console's live view, a " +
    "stream app); the newest 500 samples are kept per datastream and per system for records naming no datastream.",
  tags,
  auth: userAuth,
  params: z.object({ systemId: idParam }),
  query: systemRejectedRecordsQuerySchema,
  response: pageSchema(systemRejectedRecordSchema).extend({
    rejectedCount: z.number().int().describe("Every rejection on the system ever counted"),
    byReporter,
  }),
});

export const listClientRejectedRecordsEndpoint = defineEndpoint({
  method: "GET",
  path: "/clients/{clientId}/rejected-records",
  operationId: "listClientRejectedRecords",
  summary: "Records the client application reported it could not use (newest first)",
  tags,
  auth: userAuth,
  params: z.object({ clientId: idParam }),
  query: systemRejectedRecordsQuerySchema.omit({ reportedBy: true }),
  response: pageSchema(systemRejectedRecordSchema).extend({
    clientRejectedCount: z.number().int().describe("Every rejection this client reported, ever"),
  }),
});
