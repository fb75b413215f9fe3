import type { ConsoleApi } from "./console-api";
import { type DatastreamInfo, parseDatastreamInfo } from "./datastream-info";
import { SdkError } from "./errors";

export const REGISTER_PATH = "/api/v1/client/register";

export interface RegisterResult {
  created: number;
  updated: number;
  unchanged: number;
  /** The file's datastreams, as the catalog describes them. */
  datastreams: DatastreamInfo[];
  /** Reference format: each key of the file's Datastreams (e.g. "temperature") → the datastream's full name. */
  datastreamKeys: Record<string, string>;
}

/**
 * POST {console}/api/v1/client/register with HTTP Basic (principal, secret) and the reference platform's
 * instances.json as the body, unchanged: `{ "Things": {key: {name, description, properties}}, "Sensors": {…},
 * "Datastreams": {key: {name, description, observationType (O&M URI), unitOfMeasurement, ObservedProperty, Thing,
 * Sensor}} }`. The console upserts them by name into the client's own system (idempotent) and answers
 * `{ created, updated, unchanged, datastreams: [{ name, fullName, observationType, unit, resultSchema }],
 * datastreamKeys: { "<key>": "<full name>" } }`.
 */
export async function registerInstances(api: ConsoleApi, instances: unknown): Promise<RegisterResult> {
  if (typeof instances !== "object" || instances === null || Array.isArray(instances)) {
    throw new SdkError(
      "invalid-value",
      "instances must be a JSON object such as the reference platform's instances.json",
    );
  }
  const body = await api.post<Record<string, unknown> | undefined>(REGISTER_PATH, instances);
  const count = (field: string) => {
    const value = body?.[field];
    if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
      throw new SdkError("console", `POST ${REGISTER_PATH} answered without a count "${field}"`);
    }
    return value;
  };
  const list = body?.datastreams;
  if (!Array.isArray(list)) throw new SdkError("console", `POST ${REGISTER_PATH} answered without "datastreams"`);
  return {
    created: count("created"),
    updated: count("updated"),
    unchanged: count("unchanged"),
    datastreams: list.map((d, i) => parseDatastreamInfo(d, `${REGISTER_PATH} datastream ${i + 1}`)),
    datastreamKeys: stringRecord(body?.datastreamKeys),
  };
}

function stringRecord(value: unknown): Record<string, string> {
  if (typeof value !== "object" || value === null) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"));
}
