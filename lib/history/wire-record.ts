import type { HistoryRecordWire } from "./schemas";
import type { TraceRecord } from "./trace-datastream";

/** A trace record as the API answers it. */
export function toWireRecord(r: TraceRecord): HistoryRecordWire {
  return {
    time: r.phenomenonTime,
    resultTime: r.resultTime,
    datastreamId: r.datastreamId,
    datastream: r.name,
    result: r.result,
    topic: r.topic,
    partition: r.partition,
    offset: r.offset,
    ...(r.attributes === undefined ? {} : { attributes: r.attributes }),
  };
}
