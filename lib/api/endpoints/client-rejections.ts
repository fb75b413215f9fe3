import { z } from "zod";
import { reportRejectionsSchema } from "../../rejected-records/schemas";
import { defineEndpoint } from "../define-endpoint";

export const reportRejectionsEndpoint = defineEndpoint({
  method: "POST",
  path: "/client/rejections",
  operationId: "reportRejections",
  summary: "Report records a client application could not use (the SDK does this for you)",
  description:
    "Nothing is dropped silently: each rejection is counted on its datastream (if it names one of the client's own " +
    "system) and a sample is kept, visible on the datastream's page.",
  tags: ["Client applications"],
  auth: ["client"],
  body: reportRejectionsSchema,
  maxBodyBytes: 8 * 1024 * 1024,
  response: z.object({ accepted: z.number().int(), counted: z.number().int() }),
});
