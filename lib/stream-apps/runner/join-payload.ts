import type { RecordView } from "../filter-record";

/**
 * What a join holds of a selected record (and checkpoints): what a join expression may read of `left` and `right`.
 * `system`, `thing` and `quantity` come from the name when an expression asks for them.
 */
export interface JoinPayload {
  name: string;
  time: number;
  resultTime?: number;
  result: unknown;
  attributes?: Record<string, unknown>;
}

export function joinPayload(view: RecordView): JoinPayload {
  const payload: JoinPayload = { name: view.name, time: view.time, result: view.result };
  const resultTime = view.resultTime;
  if (resultTime !== undefined) payload.resultTime = resultTime;
  const attributes = view.attributes;
  if (attributes !== undefined) payload.attributes = attributes;
  return payload;
}

/** A cheap estimate of a payload's bytes in memory, for the join's state size (strings count two bytes a char). */
export function payloadBytes(p: JoinPayload): number {
  const r = p.result;
  const result = typeof r === "number" || typeof r === "boolean" ? 8 : typeof r === "string" ? 2 * r.length : 128;
  return 48 + 2 * p.name.length + result + (p.attributes === undefined ? 0 : 128);
}
