import { z } from "zod";
import { description, namePart } from "../names";

// A grant as the source company offers it and both sides see it (forms, the API and the domain share these).

/** A level of a grant's datastream pattern: `*`, or a thing or datastream name. */
const patternLevel = /^(\*|[^.*\s](?:[^.*\p{Cc}]*[^.*\s])?)$/u;
export const GRANT_PATTERN_RULE = "thing.datastream, each level a name or * (e.g. *.* for everything, Main.*)";

export const grantPattern = z
  .string()
  .trim()
  .max(250, "At most 250 characters")
  .refine((p) => {
    const levels = p.split(".");
    return levels.length === 2 && levels.every((l) => patternLevel.test(l));
  }, `Use ${GRANT_PATTERN_RULE}`);

export const grantStatuses = ["offered", "accepted", "declined", "revoked"] as const;
/** As both sides see it: an accepted grant past its end date is expired. */
export const grantStates = [...grantStatuses, "expired"] as const;
export type GrantState = (typeof grantStates)[number];

const systemFullName = z
  .string()
  .trim()
  .regex(
    /^[A-Za-z0-9-]+\.[A-Za-z0-9-]+\.[A-Za-z0-9-]+\.[A-Za-z0-9-]+$/,
    "A system name: domain.enterprise.workcenter.station",
  );

export const offerGrantSchema = z
  .object({
    /** The receiving company, `domain.enterprise`. */
    targetCompany: z
      .string()
      .trim()
      .min(1, "The receiving company, e.g. at.datahouse")
      .refine(
        (s) => s.split(".").length === 2 && s.split(".").every((p) => namePart.safeParse(p).success),
        "A company name: domain.enterprise",
      ),
    /** Only apps writing into this system of the receiving company may read under the grant (empty: any). */
    targetSystem: z.union([systemFullName, z.literal("")]).optional(),
    datastreams: grantPattern.default("*.*"),
    /** A filter-language condition the records must meet as well. */
    filter: z.string().trim().max(8192, "At most 8 KiB").default(""),
    endsAt: z.coerce
      .date("A date and time, e.g. 2027-01-31T00:00:00Z")
      .refine((d) => d.getTime() > Date.now(), "An end in the future")
      .optional(),
    description,
  })
  .strict();
export type OfferGrantInput = z.input<typeof offerGrantSchema>;

export const answerGrantSchema = z.object({ accept: z.boolean("true to accept, false to decline") }).strict();

export const grantListQuerySchema = z
  .object({
    side: z.enum(["offered", "received", "all"]).default("all"),
    state: z.enum(grantStates).optional(),
    page: z.coerce.number().int().min(1, "page starts at 1").max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200, "at most 200 rows a page").default(25),
  })
  .strict();
export type GrantListQuery = z.input<typeof grantListQuerySchema>;
