// The five observation types of a datastream, and the OGC O&M 2.0 URIs by which SensorThings (and the
// reference platform's instances.json) names them. Pure data: the importer and the SDK share it.
export const OBSERVATION_TYPES = ["Measurement", "Count", "Truth", "Category", "Observation"] as const;
export type ObservationType = (typeof OBSERVATION_TYPES)[number];

const OM = "http://www.opengis.net/def/observationType/OGC-OM/2.0/";

export const OBSERVATION_TYPE_URIS: Readonly<Record<ObservationType, string>> = {
  Measurement: `${OM}OM_Measurement`,
  Count: `${OM}OM_CountObservation`,
  Truth: `${OM}OM_TruthObservation`,
  Category: `${OM}OM_CategoryObservation`,
  Observation: `${OM}OM_Observation`,
};

// Also the bare O&M class names ("OM_Measurement") and Rhei's own names, case-insensitively, because hand-written
// instance files use all three; an `https` or trailing-slash variant of the URI is the same type too.
const byKey = new Map<string, ObservationType>();
for (const type of OBSERVATION_TYPES) {
  const className = OBSERVATION_TYPE_URIS[type].slice(OM.length);
  for (const key of [type, className, OBSERVATION_TYPE_URIS[type]]) byKey.set(key.toLowerCase(), type);
}
byKey.set("om_complexobservation", "Observation");

/** The observation type a URI or name denotes, or undefined when it denotes none of the five. */
export function observationTypeOf(uriOrName: string): ObservationType | undefined {
  const key = uriOrName
    .trim()
    .replace(/^https:/i, "http:")
    .replace(/\/+$/, "")
    .toLowerCase();
  const direct = byKey.get(key);
  if (direct) return direct;
  if (key.startsWith(OM.toLowerCase())) return byKey.get(key.slice(OM.length));
  return undefined;
}
