import { z } from "zod";

// A dashboard's panels, as the editor sends them and PostgreSQL keeps them (checked on every write).

export const panelKinds = ["line", "state", "value", "table", "position"] as const;
export type PanelKind = (typeof panelKinds)[number];

/** Windows a live panel shows, from one minute to a day (the older part is read from Kafka when it opens). */
export const windowChoices = [60, 300, 900, 3600, 6 * 3600, 24 * 3600] as const;

const jsonPath = z
  .string()
  .trim()
  .max(200)
  .regex(/^\$?(\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\])*$|^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\])*$/, {
    message: "A path into the result such as $.temperature or position.lat",
  });

export const panelStreamSchema = z.union([
  z
    .object({
      datastreamId: z.uuid("a datastream id"),
      /** For Observation (JSON) results: the value to plot inside the result. */
      path: jsonPath.optional(),
    })
    .strict(),
  z.object({ incomingOf: z.uuid("a system id") }).strict(),
]);
export type PanelStream = z.infer<typeof panelStreamSchema>;

export const panelSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, "letters, digits, _ and -"),
    kind: z.enum(panelKinds),
    title: z.string().trim().min(1, "A title").max(100, "At most 100 characters"),
    streams: z.array(panelStreamSchema).min(1, "At least one datastream").max(8, "At most 8 datastreams a panel"),
    windowSeconds: z
      .number()
      .int()
      .min(60, "At least a minute")
      .max(24 * 3600, "At most a day"),
    layout: z
      .object({
        x: z.number().int().min(0).max(11),
        y: z.number().int().min(0).max(1000),
        w: z.number().int().min(1).max(12),
        h: z.number().int().min(1).max(12),
      })
      .strict(),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.kind === "position" && (p.streams.length !== 2 || p.streams.some((s) => !("datastreamId" in s)))) {
      ctx.addIssue({
        code: "custom",
        path: ["streams"],
        message: "A position panel takes two datastreams: latitude, then longitude",
      });
    }
    if (p.kind !== "table" && p.streams.some((s) => "incomingOf" in s)) {
      ctx.addIssue({ code: "custom", path: ["streams"], message: "A system's incoming records show in a table panel" });
    }
  });
export type Panel = z.infer<typeof panelSchema>;

export const panelsSchema = z
  .array(panelSchema)
  .max(40, "At most 40 panels a dashboard")
  .superRefine((panels, ctx) => {
    const ids = new Set<string>();
    for (const [i, p] of panels.entries()) {
      if (ids.has(p.id)) ctx.addIssue({ code: "custom", path: [i, "id"], message: "Panel ids must differ" });
      ids.add(p.id);
    }
  });

const name = z.string().trim().min(1, "A name").max(100, "At most 100 characters");
const description = z.string().trim().max(1000, "At most 1000 characters").default("");

export const createDashboardSchema = z.object({ name, description, panels: panelsSchema.default([]) }).strict();
export type CreateDashboardInput = z.input<typeof createDashboardSchema>;

export const updateDashboardSchema = z
  .object({ name: name.optional(), description: description.unwrap().optional(), panels: panelsSchema.optional() })
  .strict();
export type UpdateDashboardInput = z.input<typeof updateDashboardSchema>;
