import { z } from "zod";

// The messages view of a system's topic, shared by its route handler (and OpenAPI document), operation and page.

export const messagesQuerySchema = z
  .object({
    topic: z.enum(["int", "ext", "log"], "topic must be int, ext or log").default("int"),
    from: z
      .string()
      .max(64)
      .optional()
      .describe("Messages from this broker time on (ISO-8601 or now-<n><unit>; default now-1h)"),
    partition: z.coerce.number({ error: "partition must be a number" }).int().min(0).max(9999).optional(),
    offset: z
      .string()
      .regex(/^\d{1,19}$/, "offset must be a whole number")
      .optional()
      .describe("Messages of `partition` from this offset on"),
    key: z.string().max(500).optional().describe("Only messages with exactly this key (a datastream's full name)"),
    tail: z
      .enum(["true", "false"])
      .optional()
      .transform((v) => v === "true")
      .describe("Answer no messages, only the end positions to poll from with `after`"),
    after: z
      .string()
      .max(2000)
      .optional()
      .describe("Positions `<partition>:<offset>,…` of an earlier answer: the messages since (a live tail)"),
    limit: z.coerce
      .number({ error: "limit must be a number" })
      .int("limit must be a whole number")
      .min(1, "limit must be at least 1")
      .max(500, "limit must be at most 500")
      .default(50),
  })
  .strict();
export type MessagesQuery = z.input<typeof messagesQuerySchema>;

export const browsedMessageSchema = z.object({
  partition: z.number().int(),
  offset: z.string(),
  timestamp: z.string().describe("Broker time (for Rhei's SDK, the record's phenomenon time)"),
  key: z.string().nullable(),
  value: z.string().nullable().describe("The message as text (cut after 10,000 characters)"),
  record: z
    .object({
      datastream: z.string(),
      phenomenonTime: z.string(),
      result: z.unknown(),
      unit: z.string().nullable(),
      format: z.string().describe("rhei, or one of the reference platform's formats"),
    })
    .optional()
    .describe("What the record pipeline read (data topics)"),
  rejected: z.string().optional().describe("Why the message is no record of its system"),
});
export type BrowsedMessage = z.infer<typeof browsedMessageSchema>;

export const messagesPageSchema = z.object({
  topic: z.string(),
  messages: z.array(browsedMessageSchema),
  /** Where each partition stands after these messages: send back as `after` for what follows. */
  positions: z.string(),
  /** Messages looked through (a key search reads more than it shows). */
  scanned: z.number().int(),
  more: z.boolean(),
  notProvisioned: z.boolean(),
});
export type MessagesPage = z.infer<typeof messagesPageSchema>;
