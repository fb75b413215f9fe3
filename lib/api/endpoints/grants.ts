import { z } from "zod";
import { answerGrantSchema, grantListQuerySchema, grantStates, offerGrantSchema } from "../../grants/schemas";
import { defineEndpoint } from "../define-endpoint";
import { idParam, pageSchema, timestamp } from "../schemas";

const userAuth = ["session", "token"] as const;
const tags = ["Grants"];

export const grantSchema = z.object({
  id: z.uuid(),
  state: z.enum(grantStates),
  sourceCompanyId: z.uuid(),
  sourceCompany: z.string(),
  sourceSystemId: z.uuid(),
  sourceSystem: z.string(),
  targetCompanyId: z.uuid(),
  targetCompany: z.string(),
  targetSystemId: z.uuid().nullable(),
  targetSystem: z.string().nullable().describe("Only apps writing into this system may read under the grant"),
  datastreams: z.string().describe("`thing.datastream` pattern within the source system"),
  filter: z.string().describe("A filter-language condition the records must meet as well"),
  description: z.string(),
  endsAt: timestamp.nullable(),
  offeredBy: z.string(),
  offeredAt: timestamp,
  answeredBy: z.string().nullable(),
  answeredAt: timestamp.nullable(),
  revokedBy: z.string().nullable(),
  revokedAt: timestamp.nullable(),
  revokedBySide: z.enum(["source", "receiver"]).nullable(),
});

export const grantDetailSchema = grantSchema.extend({
  side: z.enum(["source", "target"]).describe("Which side the caller is on"),
  covered: z.array(
    z.object({
      fullName: z.string(),
      thing: z.string(),
      name: z.string(),
      observationType: z.string(),
      unit: z.object({ name: z.string(), symbol: z.string() }),
    }),
  ),
  apps: z.array(
    z.object({
      id: z.uuid().nullable(),
      name: z.string(),
      company: z.string(),
      targetSystem: z.string().nullable(),
      desiredState: z.enum(["running", "stopped"]),
    }),
  ),
  canAnswer: z.boolean(),
  canRevoke: z.boolean(),
});

const grantParams = z.object({ grantId: idParam });

export const listGrantsEndpoint = defineEndpoint({
  method: "GET",
  path: "/companies/{companyId}/grants",
  operationId: "listGrants",
  summary: "The grants the company offered and received, newest first",
  tags,
  auth: userAuth,
  params: z.object({ companyId: idParam }),
  query: grantListQuerySchema,
  response: pageSchema(grantSchema.extend({ side: z.enum(["offered", "received"]) })),
});

export const offerGrantEndpoint = defineEndpoint({
  method: "POST",
  path: "/systems/{systemId}/grants",
  operationId: "offerGrant",
  summary: "Offer datastreams of the system to another company (admins, engineers of the source)",
  description:
    "Nothing flows until the receiving company's admin accepts. `datastreams` is a `thing.datastream` pattern (`*` " +
    "for a level), `filter` an optional filter-language condition, `endsAt` an optional end.",
  tags,
  auth: userAuth,
  params: z.object({ systemId: idParam }),
  body: offerGrantSchema,
  response: grantSchema,
  status: 201,
});

export const getGrantEndpoint = defineEndpoint({
  method: "GET",
  path: "/grants/{grantId}",
  operationId: "getGrant",
  summary:
    "A grant as either side sees it, with the datastreams it covers (types and units) and the apps reading under it",
  tags,
  auth: userAuth,
  params: grantParams,
  response: grantDetailSchema,
});

export const answerGrantEndpoint = defineEndpoint({
  method: "POST",
  path: "/grants/{grantId}/answer",
  operationId: "answerGrant",
  summary: "Accept or decline an offered grant (admins of the receiving company)",
  tags,
  auth: userAuth,
  params: grantParams,
  body: answerGrantSchema,
  response: grantSchema,
});

export const revokeGrantEndpoint = defineEndpoint({
  method: "POST",
  path: "/grants/{grantId}/revoke",
  operationId: "revokeGrant",
  summary: "Revoke a grant from either side; apps reading under it stop within seconds",
  tags,
  auth: userAuth,
  params: grantParams,
  response: grantSchema,
});
