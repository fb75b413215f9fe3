import { z } from "zod";
import { joinSpecSchema } from "../../stream-apps/join-spec";
import {
  appLogQuerySchema,
  appStates,
  createStreamAppSchema,
  draftSchema,
  joinDraftSchema,
  streamAppListQuerySchema,
  testDraftSchema,
  testJoinDraftSchema,
  updateStreamAppSchema,
} from "../../stream-apps/schemas";
import { defineEndpoint } from "../define-endpoint";
import { idParam, pageSchema, timestamp } from "../schemas";

const userAuth = ["session", "token"] as const;
const tags = ["Stream apps"];

const diagnosticSchema = z
  .object({
    message: z.string(),
    position: z.number().int().describe("0-based offset in the query"),
    end: z.number().int(),
    line: z.number().int(),
    column: z.number().int(),
    datastreams: z.array(z.string()).optional().describe("The source datastreams it is about"),
  })
  .describe("An error or warning of the query, with its place");

const statusSchema = z.object({
  state: z.enum(appStates),
  reason: z.string().describe("Why it is stopped, waiting, failing or lagging"),
  workers: z.number().int().describe("Worker processes reporting on it now"),
});

const metricsSchema = z.object({
  recordsIn: z.number(),
  recordsOut: z.number(),
  filteredOut: z.number(),
  decodeFailed: z.number(),
  missingPath: z.number(),
  typeMismatch: z.number(),
  notFinite: z.number(),
  lateRecords: z.number().describe("A join's records that came too late to be joined (counted and logged)"),
  lag: z.number().nullable().describe("Records behind the ends of its source partitions"),
  lastRecordAt: timestamp.nullable().describe("Phenomenon time of the newest record read"),
  updatedAt: timestamp.nullable(),
  partitions: z.array(
    z.object({
      topic: z.string(),
      partition: z.number().int(),
      position: z.number().nullable(),
      lag: z.number().nullable(),
    }),
  ),
});

const joinStateSchema = z
  .object({
    buffered: z.number().int().describe("Records held in the buffers, all inputs"),
    bufferedPerInput: z.array(z.number().int()),
    stateBytes: z.number().describe("Estimated bytes of the held records"),
    watermarkPerInput: z.array(z.string().nullable()),
    watermark: z.string().nullable().describe("Every pair before it has been emitted"),
    idlePartitions: z.array(z.string()),
    pairsEmitted: z.number().int(),
    latePerInput: z.array(z.number().int()),
  })
  .describe("A join's state as the worker running it holds it");

export const streamAppSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  kind: z.enum(["filter", "join"]),
  version: z.number().int(),
  targetSystemId: z.uuid().nullable(),
  targetSystemName: z.string(),
  sources: z.array(z.string()),
  desiredState: z.enum(["running", "stopped"]),
  status: statusSchema,
  recordsIn: z.number(),
  recordsOut: z.number(),
  lag: z.number().nullable(),
  lastRecordAt: timestamp.nullable(),
});

export const streamAppSchema = z.object({
  id: z.uuid(),
  companyId: z.uuid(),
  name: z.string(),
  description: z.string(),
  kind: z.enum(["filter", "join"]),
  targetSystemId: z.uuid().nullable(),
  targetSystemName: z.string(),
  version: z.number().int(),
  query: z.string().describe("A filter's query; a join's: the union of its inputs' FROM lists"),
  spec: joinSpecSchema.nullable().describe("A join's definition (null for a filter app)"),
  outputDatastreamId: z.uuid().nullable().describe("A join's output datastream in the target system"),
  desiredState: z.enum(["running", "stopped"]),
  principal: z.string().describe("Its Kafka principal: `<company>.app_<name>`"),
  consumerGroup: z.string(),
  createdAt: timestamp,
  updatedAt: timestamp,
  deployedAt: timestamp.nullable(),
  stoppedAt: timestamp.nullable(),
  status: statusSchema,
  metrics: metricsSchema,
  runners: z.array(
    z.object({
      workerId: z.string(),
      state: z.string(),
      reason: z.string(),
      version: z.number().int(),
      partitions: z.array(z.string()),
      joinState: joinStateSchema.nullable(),
      heartbeatAt: timestamp,
    }),
  ),
  sources: z.array(
    z.object({
      systemId: z.uuid(),
      systemName: z.string(),
      company: z.string(),
      own: z.boolean(),
      grant: z
        .object({ id: z.uuid(), datastreams: z.string(), filter: z.string(), endsAt: timestamp.nullable() })
        .nullable(),
    }),
  ),
  versions: z.array(
    z.object({ version: z.number().int(), query: z.string(), createdBy: z.string(), createdAt: timestamp }),
  ),
  canManage: z.boolean(),
});

const savedSchema = z.object({ id: z.uuid(), version: z.number().int(), warnings: z.array(diagnosticSchema) });

export const draftCheckSchema = z.object({
  ok: z.boolean(),
  errors: z.array(diagnosticSchema),
  warnings: z.array(diagnosticSchema),
  sources: z.array(z.object({ name: z.string(), own: z.boolean(), grants: z.number().int() })),
  selectCount: z.number().int(),
  selects: z.array(z.string()).describe("The first 100 source datastreams the query can select"),
});

export const draftTestSchema = z.object({
  check: z.object({ ok: z.boolean(), errors: z.array(diagnosticSchema), warnings: z.array(diagnosticSchema) }),
  read: z.number().int().describe("Records read from the sources"),
  withheld: z.number().int().describe("Records no grant lets the company see (not shown)"),
  unavailable: z.string().optional().describe("Why nothing could be read"),
  rejected: z.array(
    z.object({ reason: z.string(), topic: z.string(), partition: z.number().int(), offset: z.string() }),
  ),
  records: z.array(
    z.object({
      name: z.string(),
      phenomenonTime: z.string(),
      result: z.string().describe("The result as JSON, cut at 200 characters"),
      selected: z.boolean(),
      reason: z.string().describe("Why it passes, or why not"),
      topic: z.string(),
      partition: z.number().int(),
      offset: z.string(),
    }),
  ),
});

const logLineSchema = z.object({
  id: z.uuid(),
  at: timestamp,
  level: z.string(),
  message: z.string(),
  workerId: z.string().nullable(),
});

const lineageApp = z.object({ id: z.uuid().nullable(), name: z.string(), running: z.boolean() });

export const systemLineageSchema = z.object({
  system: z.object({ id: z.uuid(), name: z.string() }),
  incoming: z.array(
    z.object({
      app: lineageApp,
      sources: z.array(z.object({ systemId: z.uuid(), name: z.string(), company: z.string() })),
    }),
  ),
  outgoing: z.array(
    z.object({
      app: lineageApp,
      company: z.string(),
      targetSystem: z.object({ id: z.uuid().nullable(), name: z.string() }),
    }),
  ),
});

export const datastreamLineageSchema = z.object({
  readBy: z.array(z.object({ app: lineageApp, company: z.string(), targetSystem: z.string() })),
  fedBy: z.array(z.object({ app: lineageApp, sources: z.array(z.string()) })),
});

const companyParams = z.object({ companyId: idParam });
const appParams = z.object({ appId: idParam });

export const listStreamAppsEndpoint = defineEndpoint({
  method: "GET",
  path: "/companies/{companyId}/stream-apps",
  operationId: "listStreamApps",
  summary: "The company's stream apps with their state and headline metrics",
  tags,
  auth: userAuth,
  params: companyParams,
  query: streamAppListQuerySchema,
  response: pageSchema(streamAppSummarySchema),
});

export const createStreamAppEndpoint = defineEndpoint({
  method: "POST",
  path: "/companies/{companyId}/stream-apps",
  operationId: "createStreamApp",
  summary: "Create a stream app, stopped (admins, engineers)",
  description:
    "The query is checked against the systems the company owns or was granted: a system named in FROM without an " +
    "accepted grant is refused with its name; syntax and type errors name their place (line:column). A join " +
    "(`kind: join`) sends `spec` instead of `query`: its inputs, tolerance, mode, lateness, idle timeout and output " +
    "(docs/time-series-join.md); its output datastream is registered in the target system.",
  tags,
  auth: userAuth,
  params: companyParams,
  body: createStreamAppSchema,
  response: savedSchema,
  status: 201,
});

export const checkStreamAppDraftEndpoint = defineEndpoint({
  method: "POST",
  path: "/companies/{companyId}/stream-apps/check",
  operationId: "checkStreamAppDraft",
  summary: "Check a draft query (nothing saved): errors and warnings with their places (admins, engineers)",
  tags,
  auth: userAuth,
  params: companyParams,
  body: draftSchema,
  response: draftCheckSchema,
});

export const testStreamAppDraftEndpoint = defineEndpoint({
  method: "POST",
  path: "/companies/{companyId}/stream-apps/test",
  operationId: "testStreamAppDraft",
  summary: "Run a draft query on its sources' newest records: which pass, and why the others do not",
  tags,
  auth: userAuth,
  params: companyParams,
  body: testDraftSchema,
  response: draftTestSchema,
});

export const joinDraftCheckSchema = z.object({
  ok: z.boolean(),
  errors: z.array(diagnosticSchema),
  warnings: z.array(diagnosticSchema),
  fieldErrors: z.record(z.string(), z.array(z.string())).describe("Problems by field of the spec (inputs.0.query, …)"),
  sources: z.array(z.object({ name: z.string(), own: z.boolean(), grants: z.number().int() })),
  inputs: z.array(
    z.object({
      name: z.string(),
      selectCount: z.number().int(),
      selects: z.array(z.string()).describe("The first 100 datastreams the input's query can select"),
    }),
  ),
  output: z.string().describe("The output datastream's full name"),
});

const shownSide = z.object({ input: z.string(), name: z.string(), time: z.string(), result: z.string() });

export const joinDraftTestSchema = z.object({
  check: z.object({
    ok: z.boolean(),
    errors: z.array(diagnosticSchema),
    warnings: z.array(diagnosticSchema),
    fieldErrors: z.record(z.string(), z.array(z.string())),
  }),
  read: z.number().int().describe("Records read from the inputs' sources"),
  perInput: z.array(z.number().int()).describe("Records each input selected"),
  late: z.number().int().describe("Records too late to be joined"),
  notSelected: z.number().int().describe("Pairs the WHERE left out"),
  noValue: z.number().int().describe("Pairs without an output value (a missing path, a type the output refuses)"),
  pairCount: z.number().int(),
  rejected: z.number().int().describe("Records the record pipeline refused"),
  unavailable: z.string().optional().describe("Why nothing could be read"),
  pairs: z.array(
    z.object({
      time: z.string(),
      left: shownSide,
      right: shownSide,
      value: z.string().nullable(),
      outcome: z.enum(["written", "where", "no-value"]),
    }),
  ),
});

export const checkJoinDraftEndpoint = defineEndpoint({
  method: "POST",
  path: "/companies/{companyId}/stream-apps/join/check",
  operationId: "checkJoinDraft",
  summary: "Check a draft join (nothing saved): its inputs, output value, WHERE and output type (admins, engineers)",
  tags,
  auth: userAuth,
  params: companyParams,
  body: joinDraftSchema,
  response: joinDraftCheckSchema,
});

export const testJoinDraftEndpoint = defineEndpoint({
  method: "POST",
  path: "/companies/{companyId}/stream-apps/join/test",
  operationId: "testJoinDraft",
  summary: "Run a draft join on its inputs' newest records: the pairs, their output values, what the WHERE leaves out",
  tags,
  auth: userAuth,
  params: companyParams,
  body: testJoinDraftSchema,
  response: joinDraftTestSchema,
});

export const getStreamAppEndpoint = defineEndpoint({
  method: "GET",
  path: "/stream-apps/{appId}",
  operationId: "getStreamApp",
  summary: "One stream app: definition, state, metrics, sources, versions",
  tags,
  auth: userAuth,
  params: appParams,
  response: streamAppSchema,
});

export const updateStreamAppEndpoint = defineEndpoint({
  method: "PATCH",
  path: "/stream-apps/{appId}",
  operationId: "updateStreamApp",
  summary: "Edit a stream app (admins, engineers): a new query or target is a new version that continues where it was",
  tags,
  auth: userAuth,
  params: appParams,
  body: updateStreamAppSchema,
  response: savedSchema,
});

export const deleteStreamAppEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/stream-apps/{appId}",
  operationId: "deleteStreamApp",
  summary: "Delete a stream app and its Kafka credential and ACLs (admins, engineers)",
  tags,
  auth: userAuth,
  params: appParams,
  status: 204,
});

export const deployStreamAppEndpoint = defineEndpoint({
  method: "POST",
  path: "/stream-apps/{appId}/deploy",
  operationId: "deployStreamApp",
  summary: "Deploy (start) a stream app (admins, engineers)",
  tags,
  auth: userAuth,
  params: appParams,
  response: savedSchema.omit({ warnings: true }),
});

export const stopStreamAppEndpoint = defineEndpoint({
  method: "POST",
  path: "/stream-apps/{appId}/stop",
  operationId: "stopStreamApp",
  summary: "Stop a stream app; deploying it again continues where it stopped (admins, engineers)",
  tags,
  auth: userAuth,
  params: appParams,
  response: savedSchema.omit({ warnings: true }),
});

export const listStreamAppLogEndpoint = defineEndpoint({
  method: "GET",
  path: "/stream-apps/{appId}/log",
  operationId: "listStreamAppLog",
  summary: "The app's log, newest first, a page at a time",
  tags,
  auth: userAuth,
  params: appParams,
  query: appLogQuerySchema,
  response: z.array(logLineSchema),
});

export const exportStreamAppLogEndpoint = defineEndpoint({
  method: "GET",
  path: "/stream-apps/{appId}/log.txt",
  operationId: "exportStreamAppLog",
  summary: "The app's whole kept log as text, oldest first (a download)",
  tags,
  auth: userAuth,
  params: appParams,
  produces: "text/plain",
});

export const getSystemLineageEndpoint = defineEndpoint({
  method: "GET",
  path: "/systems/{systemId}/lineage",
  operationId: "getSystemLineage",
  summary: "Which apps write into the system (with their sources) and which read it (with their companies)",
  tags,
  auth: userAuth,
  params: z.object({ systemId: idParam }),
  response: systemLineageSchema,
});

export const getDatastreamLineageEndpoint = defineEndpoint({
  method: "GET",
  path: "/datastreams/{datastreamId}/lineage",
  operationId: "getDatastreamLineage",
  summary: "Which apps read the datastream (for which companies and targets), and what feeds a join's output",
  tags,
  auth: userAuth,
  params: z.object({ datastreamId: idParam }),
  response: datastreamLineageSchema,
});
