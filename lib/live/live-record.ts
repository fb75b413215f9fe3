import type { RheiRecord } from "../sdk/rhei-record";
import type { LiveRecord } from "./live-protocol";

/** A decoded record as a browser gets it (small keys; `n` only where a stream mixes datastreams). */
export function toLiveRecord(r: RheiRecord, withName: boolean): LiveRecord {
  const out: LiveRecord = { p: r.partition, o: r.offset, t: Date.parse(r.phenomenonTime), v: r.result };
  if (withName) out.n = r.datastream.fullName;
  if (r.attributes) out.a = r.attributes;
  return out;
}
