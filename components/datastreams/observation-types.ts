import type { ObservationTypeName } from "@/lib/datastreams/schemas";
import { observationTypeNames } from "@/lib/sdk/observation-type-uris";

/** What each observation type's results are, in the words the forms and pages use. */
export const observationTypeInfo: Record<ObservationTypeName, { result: string; example: string }> = {
  Measurement: { result: "a number, with a unit", example: "21.5 degC" },
  Count: { result: "a whole number", example: "3 vehicles passed" },
  Truth: { result: "true or false", example: "door open: true" },
  Category: { result: "a string, one of a set of values", example: "sunny" },
  Observation: {
    result: "any JSON value that its JSON Schema accepts",
    example: '{"lat": 47.8, "lon": 13.0}',
  },
};

export const observationTypes = observationTypeNames;

export function describeObservationType(type: ObservationTypeName): string {
  const info = observationTypeInfo[type];
  return `${type}: ${info.result}, e.g. ${info.example}`;
}
