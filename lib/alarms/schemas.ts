import { z } from "zod";

export const alarmSeverities = ["critical", "major", "minor", "warning"] as const;
export const alarmKinds = ["above", "below", "outside", "equals", "silent"] as const;

const finite = z.number().finite("A finite number");

export const createAlarmRuleSchema = z
  .object({
    name: z.string().trim().min(1, "A name").max(100, "At most 100 characters"),
    kind: z.enum(alarmKinds, "above, below, outside, equals or silent"),
    threshold: finite.optional(),
    low: finite.optional(),
    high: finite.optional(),
    value: z.string().trim().min(1).max(200).optional(),
    holdSeconds: z.coerce.number().int().min(0, "Not negative").max(86_400, "At most a day").default(0),
    severity: z.enum(alarmSeverities).default("major"),
  })
  .strict()
  .superRefine((r, ctx) => {
    const need = (field: "threshold" | "low" | "high" | "value", why: string) => {
      if (r[field] === undefined) ctx.addIssue({ code: "custom", path: [field], message: why });
    };
    if (r.kind === "above" || r.kind === "below") need("threshold", `A threshold to be ${r.kind}`);
    if (r.kind === "outside") {
      need("low", "The band's low end");
      need("high", "The band's high end");
      if (r.low !== undefined && r.high !== undefined && r.low >= r.high) {
        ctx.addIssue({ code: "custom", path: ["high"], message: "Must be above the low end" });
      }
    }
    if (r.kind === "equals") need("value", "The value that raises the alarm");
    if (r.kind === "silent" && r.holdSeconds < 1) {
      ctx.addIssue({ code: "custom", path: ["holdSeconds"], message: "How long a silence raises the alarm (seconds)" });
    }
  });
export type CreateAlarmRuleInput = z.input<typeof createAlarmRuleSchema>;

export const alarmListQuerySchema = z
  .object({
    state: z.enum(["open", "cleared", "all"]).default("open"),
    severity: z.enum(alarmSeverities).optional(),
    datastreamId: z.uuid().optional(),
    acknowledged: z.enum(["yes", "no"]).optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(25),
  })
  .strict();
