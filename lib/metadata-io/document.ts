// The metadata of one system in a form independent of file formats: what an import wants to exist and what an
// export writes. Pure types and helpers, no server-only imports (unit-tested, usable by the SDK).
import type { JsonValue } from "../canonical-json";
import type { ObservationTypeName, Unit } from "../datastreams/schemas";

export type JsonObject = { [key: string]: JsonValue };

export interface ThingSpec {
  name: string;
  description: string;
  properties: JsonObject;
}

export interface SensorSpec {
  name: string;
  description: string;
  encodingType: string;
  metadata: string;
}

export interface ObservedPropertySpec {
  name: string;
  description: string;
  definition: string;
}

/** A datastream refers to its thing, sensor and observed property by name (unique within a system). */
export interface DatastreamSpec {
  thing: string;
  name: string;
  description: string;
  observationType: ObservationTypeName;
  unit: Unit;
  sensor: string | null;
  observedProperty: string | null;
  resultSchema: JsonObject | null;
}

export interface MetadataDocument {
  things: ThingSpec[];
  sensors: SensorSpec[];
  observedProperties: ObservedPropertySpec[];
  datastreams: DatastreamSpec[];
}

export type EntityKind = "thing" | "sensor" | "observedProperty" | "datastream";

/** An entity of a parsed document together with where it was in the file, for messages. */
export type Located<T> = T & { at: string };

export interface LocatedDocument {
  things: Located<ThingSpec>[];
  sensors: Located<SensorSpec>[];
  observedProperties: Located<ObservedPropertySpec>[];
  datastreams: Located<DatastreamSpec>[];
}

/** A problem found in a file: where (path in the document), which entity and field, and what rule. */
export interface ImportIssue {
  path: string;
  entity?: { kind: EntityKind; name: string };
  field?: string;
  message: string;
}

export type ImportFormat = "rhei" | "reference";
export type ExportFormat = "rhei-yaml" | "rhei-json" | "reference";

export interface ParsedMetadata {
  format: ImportFormat;
  document: LocatedDocument;
  warnings: ImportIssue[];
  errors: ImportIssue[];
  /** Reference format only: each Datastreams key → thing and datastream name (the SDK produces by key). */
  datastreamKeys?: Record<string, { thing: string; name: string }>;
}

export const emptyLocatedDocument = (): LocatedDocument => ({
  things: [],
  sensors: [],
  observedProperties: [],
  datastreams: [],
});

/** `Datastreams.GPS-position-latitude.Thing`, `datastreams[3].unit.symbol`, `Things["my car"].name`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (typeof segment === "string" && /^[A-Za-z0-9_$-]+$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out || "(document)";
}

/** A datastream's name within its system: `thing.datastream`. */
export const datastreamLabel = (d: { thing: string; name: string }) => `${d.thing}.${d.name}`;
