// An app's metrics: the sums of its per-partition counters (each partition's row is kept by the worker holding it).
export interface PartitionCounters {
  topic: string;
  partition: number;
  recordsIn: bigint;
  recordsOut: bigint;
  filteredOut: bigint;
  decodeFailed: bigint;
  missingPath: bigint;
  typeMismatch: bigint;
  notFinite: bigint;
  lateRecords: bigint;
  position: bigint | null;
  lag: bigint | null;
  lastRecordAt: Date | null;
  updatedAt: Date;
}

/** What an app counts of the records it reads: per partition and round (the worker), or summed (the app's page). */
export interface RecordCounts {
  recordsIn: number;
  recordsOut: number;
  filteredOut: number;
  decodeFailed: number;
  missingPath: number;
  typeMismatch: number;
  notFinite: number;
  /** A join's records behind their partition's watermark by more than the allowed lateness (counted, logged, not joined). */
  lateRecords: number;
}

export interface AppMetrics extends RecordCounts {
  /** Records behind the ends of the partitions it reads now (null: not known yet). */
  lag: number | null;
  lastRecordAt: Date | null;
  updatedAt: Date | null;
  partitions: { topic: string; partition: number; position: number | null; lag: number | null }[];
}

export function sumMetrics(rows: readonly PartitionCounters[], currentTopics: ReadonlySet<string>): AppMetrics {
  const m: AppMetrics = {
    recordsIn: 0,
    recordsOut: 0,
    filteredOut: 0,
    decodeFailed: 0,
    missingPath: 0,
    typeMismatch: 0,
    notFinite: 0,
    lateRecords: 0,
    lag: null,
    lastRecordAt: null,
    updatedAt: null,
    partitions: [],
  };
  for (const r of rows) {
    m.recordsIn += Number(r.recordsIn);
    m.recordsOut += Number(r.recordsOut);
    m.filteredOut += Number(r.filteredOut);
    m.decodeFailed += Number(r.decodeFailed);
    m.missingPath += Number(r.missingPath);
    m.typeMismatch += Number(r.typeMismatch);
    m.notFinite += Number(r.notFinite);
    m.lateRecords += Number(r.lateRecords);
    if (r.lastRecordAt && (!m.lastRecordAt || r.lastRecordAt > m.lastRecordAt)) m.lastRecordAt = r.lastRecordAt;
    if (!m.updatedAt || r.updatedAt > m.updatedAt) m.updatedAt = r.updatedAt;
    if (!currentTopics.has(r.topic)) continue;
    if (r.lag !== null) m.lag = (m.lag ?? 0) + Number(r.lag);
    m.partitions.push({
      topic: r.topic,
      partition: r.partition,
      position: r.position === null ? null : Number(r.position),
      lag: r.lag === null ? null : Number(r.lag),
    });
  }
  m.partitions.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
  return m;
}
