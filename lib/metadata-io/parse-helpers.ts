// Pieces both file formats share when reading a document. Pure.
import { z } from "zod";
import { canonicalJson } from "../canonical-json";
import { type ObservationTypeName, typeAndSchemaProblem } from "../datastreams/schemas";
import { resultSchemaProblem } from "../result-schema/result-schema";
import { observationTypeFromUri, observationTypeNames, observationTypeUris } from "../sdk/observation-type-uris";
import {
  type DatastreamSpec,
  datastreamLabel,
  type EntityKind,
  formatPath,
  type ImportIssue,
  type Located,
  type LocatedDocument,
} from "./document";

export const OBSERVATION_TYPE_RULE = `One of ${observationTypeNames.join(", ")}, or its OGC O&M URI (${observationTypeUris.Measurement} …)`;

/** An observation type given by name or by O&M URI, as the reference platform wrote it. */
export const observationTypeOrUri = z.string(OBSERVATION_TYPE_RULE).transform((value, ctx): ObservationTypeName => {
  const type = observationTypeFromUri(value);
  if (!type) {
    ctx.addIssue({ code: "custom", message: `${OBSERVATION_TYPE_RULE}; got ${JSON.stringify(value)}` });
    return z.NEVER;
  }
  return type;
});

/** zod's issues for one entity, as import issues with the full document path. */
export function issuesOf(
  error: z.ZodError,
  base: readonly PropertyKey[],
  entity?: { kind: EntityKind; name: string },
): ImportIssue[] {
  return error.issues.map((issue) => {
    const path = [...base, ...issue.path];
    const field = issue.path.length > 0 ? issue.path.map(String).join(".") : undefined;
    return {
      path: formatPath(path),
      ...(entity ? { entity } : {}),
      ...(field ? { field } : {}),
      message: issue.message,
    };
  });
}

/** The name an entity claims, for messages about an entity that failed to parse. */
export function claimedName(raw: unknown, fallback: string): string {
  if (raw && typeof raw === "object" && "name" in raw && typeof raw.name === "string" && raw.name) return raw.name;
  return fallback;
}

/**
 * Checks result schemas once per distinct schema: imports often repeat one schema over many datastreams, and
 * compiling is the slow part.
 */
export function resultSchemaChecker(): (schema: unknown) => string | undefined {
  const seen = new Map<string, string | undefined>();
  return (schema) => {
    const key = canonicalJson(schema);
    if (!seen.has(key)) seen.set(key, resultSchemaProblem(schema));
    return seen.get(key);
  };
}

/** The observation type and result schema rule, and the schema compiling, for one datastream. */
export function datastreamSchemaIssues(
  d: Located<DatastreamSpec>,
  check: (schema: unknown) => string | undefined,
): ImportIssue[] {
  const entity = { kind: "datastream" as const, name: datastreamLabel(d) };
  const path = `${d.at}.resultSchema`;
  const rule = typeAndSchemaProblem(d.observationType, d.resultSchema);
  if (rule) return [{ path, entity, field: "resultSchema", message: rule }];
  const problem = d.resultSchema ? check(d.resultSchema) : undefined;
  return problem ? [{ path, entity, field: "resultSchema", message: problem }] : [];
}

/** Two entities of a kind with one name (or two datastreams of one thing with one name) cannot both exist. */
export function duplicateIssues(doc: LocatedDocument): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const check = <T extends { at: string }>(
    kind: EntityKind,
    items: T[],
    keyOf: (item: T) => string,
    field: string,
    what: string,
  ) => {
    const first = new Map<string, string>();
    for (const item of items) {
      const key = keyOf(item);
      const earlier = first.get(key);
      if (earlier === undefined) first.set(key, item.at);
      else {
        issues.push({
          path: `${item.at}.${field}`,
          entity: { kind, name: key },
          field,
          message: `Duplicate: ${what} ${JSON.stringify(key)} is also at ${earlier}; names are unique in a system`,
        });
      }
    }
  };
  check("thing", doc.things, (t) => t.name, "name", "the thing");
  check("sensor", doc.sensors, (s) => s.name, "name", "the sensor");
  check("observedProperty", doc.observedProperties, (p) => p.name, "name", "the observed property");
  check("datastream", doc.datastreams, datastreamLabel, "name", "the datastream");
  return issues;
}
