import type { UnitOfMeasurement } from "./datastream-info";
import type { ObservationType } from "./observation-types";
import type { RecordFormat } from "./record-format";

/** A record as consume(), replay() and tail() deliver it: decoded, type-checked, enriched from the catalog. */
export interface RheiRecord {
  datastream: {
    /** The datastream's own name (the last level of its full name). */
    name: string;
    /** `<system>.<thing>.<datastream>`. */
    fullName: string;
  };
  /** From the catalog; undefined for a datastream the catalog does not know. */
  observationType: ObservationType | undefined;
  unit: UnitOfMeasurement | undefined;
  phenomenonTime: string;
  resultTime: string;
  /** Coerced to the datastream's type when it is known, as the message had it otherwise. */
  result: unknown;
  attributes?: Record<string, unknown>;
  topic: string;
  partition: number;
  offset: string;
  /** Which record format the message was in: Rhei's, or one of the reference platform's. */
  format: RecordFormat;
}
