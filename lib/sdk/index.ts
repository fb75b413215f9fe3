// Rhei's SDK for client applications: usable from any Node program (no server-only modules behind it).
export type { ClientStats, RheiClientOptions } from "./client-options";
export { ConsoleApi } from "./console-api";
export { type DatastreamCatalog, MemoryDatastreamCatalog } from "./datastream-catalog";
export type { DatastreamInfo, DatastreamInfoInput, UnitOfMeasurement } from "./datastream-info";
export { SdkError, type SdkErrorCode } from "./errors";
export { DATASTREAMS_PATH, HttpDatastreamCatalog } from "./http-datastream-catalog";
export {
  observationTypeFromUri,
  observationTypeNames,
  observationTypeUris,
} from "./observation-type-uris";
export { coerceResult, type ObservationType, type ResultType, tryCoerceResult } from "./observation-types";
export { compareTimes, formatMicros, parseTime, parseTimeMicros, type TimeInput } from "./parse-time";
export type { RangeProgress } from "./range-records";
export { type DecodedRecord, type DecodeOptions, decodeRecord, encodeRecord, type RecordFormat } from "./record-format";
export { REGISTER_PATH, type RegisterResult } from "./register-instances";
export type { MessageOrigin, RejectedRecord } from "./rejected-record";
export { HttpRejectionReporter, REJECTIONS_PATH, type RejectionReporter } from "./rejection-reporter";
export { type LogLevel, type ProduceOptions, RheiClient } from "./rhei-client";
export type { RheiRecord } from "./rhei-record";
export {
  compilePattern,
  isFullDatastreamName,
  parseSubscriptions,
  SubscriptionFilter,
} from "./subscription-pattern";
