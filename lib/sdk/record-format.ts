import { jsonProblem } from "../json/json-value";
import { type ParseTimeOptions, parseTime } from "./parse-time";
import { type MessageOrigin, type RejectedRecord, rejectRecord } from "./rejected-record";
import { isFullDatastreamName } from "./subscription-pattern";

// The canonical record (../../docs design, "Record format"), one JSON object per Kafka message, key = the
// datastream's full name:
//   { "phenomenonTime": ISO, "resultTime": ISO, "datastream": { "name": "<system>.<thing>.<datastream>" },
//     "result": …, "attributes"?: { … } }
// Decoding also reads both formats of the platform Rhei replaces, so its clients can move over without a flag day:
//   (a) { "phenomenonTime", "resultTime", "Datastream": { "@iot.id": 11 }, "result", "longitude"?, … }: the id means
//       nothing without the client's own mapping (option legacyDatastreamIds), other top-level fields are attributes;
//   (b) [DN] { …, "datastream": { "quantity", "client_app", "system", "thing" }, "result", "attributes" }.

export type RecordFormat = "rhei" | "legacy-iot-id" | "legacy-dn";

export interface DecodedRecord {
  /** The datastream's full name. */
  name: string;
  phenomenonTime: string;
  resultTime: string;
  /** As the message had it; checked against the datastream's type by the caller, who knows the type. */
  result: unknown;
  attributes?: Record<string, unknown>;
  format: RecordFormat;
}

export interface EncodableRecord {
  name: string;
  phenomenonTime: string;
  resultTime: string;
  result: unknown;
  attributes?: Record<string, unknown>;
}

export interface DecodeOptions {
  /** Legacy format (a): which full datastream name each `Datastream["@iot.id"]` stands for, e.g. {"11": "…"}. */
  legacyDatastreamIds?: Readonly<Record<string, string>>;
}

export type DecodeResult = { ok: true; record: DecodedRecord } | { ok: false; rejection: RejectedRecord };

/** The canonical JSON text of a record (attributes left out when there are none). */
export function encodeRecord(record: EncodableRecord): string {
  return JSON.stringify({
    phenomenonTime: record.phenomenonTime,
    resultTime: record.resultTime,
    datastream: { name: record.name },
    result: record.result,
    ...(record.attributes === undefined ? {} : { attributes: record.attributes }),
  });
}

const legacyIotFields = new Set(["phenomenonTime", "resultTime", "Datastream", "result", "attributes"]);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

class Refusal {
  constructor(
    readonly reason: string,
    readonly claimedName?: string,
  ) {}
}

function legacyNameOf(body: Record<string, unknown>, options: DecodeOptions): { name: string; format: RecordFormat } {
  const ds = body.datastream;
  if (isObject(ds) && "quantity" in ds) {
    const { system, thing, quantity } = ds;
    if (typeof system !== "string" || typeof thing !== "string" || typeof quantity !== "string") {
      throw new Refusal("legacy datastream {quantity, system, thing} needs three strings");
    }
    return { name: `${system}.${thing}.${quantity}`, format: "legacy-dn" };
  }
  const legacy = body.Datastream;
  if (isObject(legacy) && "@iot.id" in legacy) {
    const id = String(legacy["@iot.id"]);
    const name = options.legacyDatastreamIds?.[id];
    if (name === undefined) {
      throw new Refusal(`legacy record names Datastream @iot.id ${id}, which has no mapping (legacyDatastreamIds)`);
    }
    return { name, format: "legacy-iot-id" };
  }
  throw new Refusal('no datastream: expected "datastream": {"name": …} or a legacy datastream');
}

// Records are UTC by contract; the reference platform wrote UTC times without a zone.
const recordTimes: ParseTimeOptions = { assumeUtc: true };

function timeOf(value: unknown, field: string, name: string): string {
  if (typeof value !== "string" && typeof value !== "number") throw new Refusal(`no ${field}`, name);
  try {
    return parseTime(value, recordTimes);
  } catch (error) {
    throw new Refusal(`${field}: ${(error as Error).message}`, name);
  }
}

function attributesOf(body: Record<string, unknown>, format: RecordFormat, name: string) {
  let attributes: Record<string, unknown> | undefined;
  if (body.attributes !== undefined && body.attributes !== null) {
    if (!isObject(body.attributes)) throw new Refusal("attributes is not a JSON object", name);
    // Freshly parsed and held by no one else: no copy needed (one less object per record on the hot path).
    attributes = body.attributes;
  }
  if (format === "legacy-iot-id") {
    // longitude, latitude and whatever else the reference client put beside the result; 0 and false included.
    for (const [key, value] of Object.entries(body)) {
      if (!legacyIotFields.has(key)) {
        attributes = attributes === body.attributes ? { ...attributes } : (attributes ?? {});
        attributes[key] = value;
      }
    }
  }
  return attributes;
}

function decodeBody(body: unknown, options: DecodeOptions, isValidName: (name: string) => boolean): DecodedRecord {
  if (!isObject(body)) throw new Refusal("not a JSON object");
  const ds = body.datastream;
  let name: string;
  let format: RecordFormat;
  if (isObject(ds) && typeof ds.name === "string") {
    name = ds.name;
    format = "rhei";
  } else {
    ({ name, format } = legacyNameOf(body, options));
  }
  if (!isValidName(name)) {
    throw new Refusal(
      `"${name}" is not a full datastream name (domain.enterprise.workcenter.station.thing.datastream)`,
      name,
    );
  }
  // JSON has no undefined: undefined means the field is missing (null is a result, for the type to judge).
  const result = body.result;
  if (result === undefined) throw new Refusal("no result", name);
  const phenomenonTime = timeOf(body.phenomenonTime, "phenomenonTime", name);
  const resultTime = body.resultTime === undefined ? phenomenonTime : timeOf(body.resultTime, "resultTime", name);
  // Always the same fields, so that every record has one shape (attributes undefined when there are none).
  return { name, phenomenonTime, resultTime, result, format, attributes: attributesOf(body, format, name) };
}

/** Why a message is not a record: the reason, and the datastream it named if it named one. */
export interface DecodeRefusal {
  refused: string;
  claimedName?: string;
}

/**
 * A message's value as a record, or why not: the consumer's hot path, which allocates no origin and no result
 * wrapper for the common case (decodeRecord() is the friendlier form). `isValidName` lets a caller that has seen
 * a name before (and found it a full name) skip checking it again.
 */
export function decodeValue(
  value: Buffer | string | null,
  options: DecodeOptions = {},
  isValidName: (name: string) => boolean = isFullDatastreamName,
): DecodedRecord | DecodeRefusal {
  if (value === null || value.length === 0) return { refused: "empty message" };
  let body: unknown;
  try {
    body = JSON.parse(typeof value === "string" ? value : value.toString("utf8"));
  } catch (error) {
    return { refused: `not JSON: ${(error as Error).message}` };
  }
  try {
    return decodeBody(body, options, isValidName);
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    return error.claimedName === undefined
      ? { refused: error.reason }
      : { refused: error.reason, claimedName: error.claimedName };
  }
}

/** A message as a record, or as a rejected record that says why; never an exception, never nothing. */
export function decodeRecord(
  value: Buffer | string | null,
  origin: MessageOrigin,
  options: DecodeOptions = {},
): DecodeResult {
  const decoded = decodeValue(value, options);
  if ("refused" in decoded) {
    return { ok: false, rejection: rejectRecord(decoded.refused, value, origin, decoded.claimedName) };
  }
  return { ok: true, record: decoded };
}

/** Why `attributes` cannot go into a record, or undefined when it can (a plain JSON object). */
export function attributesProblem(attributes: unknown): string | undefined {
  if (!isObject(attributes) || ![Object.prototype, null].includes(Object.getPrototypeOf(attributes))) {
    return "attributes must be a plain JSON object";
  }
  return jsonProblem(attributes, "attributes");
}
