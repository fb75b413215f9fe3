// The five observation types and their OGC O&M 2.0 URIs, as the reference platform's instances.json wrote them.
// Pure (no server-only imports): the SDK, the importer and the console share it.

export const observationTypeNames = ["Measurement", "Count", "Truth", "Category", "Observation"] as const;

type ObservationTypeName = (typeof observationTypeNames)[number];

const base = "http://www.opengis.net/def/observationType/OGC-OM/2.0/";

export const observationTypeUris: Record<ObservationTypeName, string> = {
  Measurement: `${base}OM_Measurement`,
  Count: `${base}OM_CountObservation`,
  Truth: `${base}OM_TruthObservation`,
  Category: `${base}OM_CategoryObservation`,
  Observation: `${base}OM_Observation`,
};

const byUri = new Map<string, ObservationTypeName>(
  observationTypeNames.map((name) => [observationTypeUris[name], name] as const),
);

/**
 * The observation type named by an O&M URI (http or https) or by its bare name (`Measurement`); undefined for
 * anything else, so the caller can say which value it refused.
 */
export function observationTypeFromUri(value: string): ObservationTypeName | undefined {
  const trimmed = value.trim();
  if ((observationTypeNames as readonly string[]).includes(trimmed)) return trimmed as ObservationTypeName;
  return byUri.get(trimmed.replace(/^https:\/\//, "http://"));
}
