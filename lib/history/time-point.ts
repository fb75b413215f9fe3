/** One sample of a datastream: phenomenon time as epoch milliseconds and a numeric value. */
export type TimePoint = { t: number; v: number };
