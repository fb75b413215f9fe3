import { z } from "zod";

/** What a client application reports about a record it could not use (see lib/sdk's RejectionReporter). */
export const rejectionSchema = z
  .object({
    reason: z.string().trim().min(1).max(1000),
    raw: z.string().max(1_000_000).describe("The record as received; stored truncated to 4 KiB"),
    topic: z.string().max(300).optional(),
    partition: z.number().int().min(0).optional(),
    offset: z.string().regex(/^\d+$/, "an offset is a non-negative integer").max(30).optional(),
    claimedName: z.string().max(500).optional().describe("The datastream the record claimed to belong to, if any"),
  })
  .strict();

export const reportRejectionsSchema = z
  .object({
    rejections: z
      .array(rejectionSchema)
      .min(1, "Send at least one rejection")
      .max(500, "At most 500 rejections a request"),
  })
  .strict();
export type ReportRejectionsInput = z.input<typeof reportRejectionsSchema>;

/** A page of a datastream's rejected records (newest first); shared by the page, the API and the operation. */
export const rejectedRecordsQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(25),
  })
  .strict();

/** A page of a system's rejected records, by reporter (a client's principal or a console component) and datastream. */
export const systemRejectedRecordsQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(25),
    reportedBy: z.string().trim().max(300).optional().describe("Who noticed: a client's principal or rhei:<component>"),
    datastream: z
      .union([z.uuid(), z.literal("none")])
      .optional()
      .describe("A datastream's id, or `none` for records that named none of the system's datastreams"),
  })
  .strict();
