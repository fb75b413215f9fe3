// What the checker knows of a source datastream at deploy time.

export const OBSERVATION_TYPES = ["Measurement", "Count", "Truth", "Category", "Observation"] as const;
export type ObservationType = (typeof OBSERVATION_TYPES)[number];

export interface SourceDatastream {
  /** `domain.enterprise.workcenter.station.thing.datastream`. */
  fullName: string;
  observationType: ObservationType;
  /** JSON Schema of an Observation datastream's result, when it has one. */
  resultSchema?: object;
}

/** A datastream as one typing of the query sees it; `observationType: null` when the sources are not known. */
export interface SourceView {
  fullName: string | null;
  observationType: ObservationType | null;
  resultSchema?: object;
}

export const UNKNOWN_SOURCE: SourceView = { fullName: null, observationType: null };
