import type { FilterRecord } from "../filter-language";
import type { RheiRecord } from "../sdk/rhei-record";

/** A decoded record as the filter language reads it (times as epoch milliseconds). */
export function toFilterRecord(r: RheiRecord): FilterRecord {
  const resultTime = Date.parse(r.resultTime);
  return {
    name: r.datastream.fullName,
    time: Date.parse(r.phenomenonTime),
    ...(Number.isFinite(resultTime) ? { resultTime } : {}),
    result: r.result,
    ...(r.attributes ? { attributes: r.attributes } : {}),
  };
}
