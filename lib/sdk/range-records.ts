import type { KafkaConnectionConfig } from "../kafka/connection-config";
import { readRange } from "../kafka/read-range";
import { sdkErrorFromKafka } from "./kafka-failure";
import type { RecordPipeline } from "./record-pipeline";
import type { RheiRecord } from "./rhei-record";

export interface RangeProgress {
  /** Messages read so far (in range or not, delivered or filtered). */
  read: number;
  /** Messages the range covers by offsets; undefined when following. */
  total: number | undefined;
}

export interface RangeRecordsOptions {
  topics: string[];
  fromMs: number;
  toMs?: number;
  follow?: boolean;
  pipeline: RecordPipeline;
  onProgress?: (progress: RangeProgress) => void;
  signal?: AbortSignal;
}

/** Records of a time range (or a tail) read without a consumer group, through the record pipeline. */
export async function* rangeRecords(
  kafka: KafkaConnectionConfig,
  options: RangeRecordsOptions,
): AsyncGenerator<RheiRecord, void, undefined> {
  let total: number | undefined;
  let read = 0;
  const batches = readRange(kafka, {
    topics: options.topics,
    fromMs: options.fromMs,
    toMs: options.toMs,
    follow: options.follow,
    signal: options.signal,
    onPlan: (ranges) => {
      total = options.follow ? undefined : ranges.reduce((n, r) => n + Number((r.end ?? r.start) - r.start), 0);
      options.onProgress?.({ read, total });
    },
  });
  try {
    for await (const batch of batches) {
      // A batch mixes partitions; the pipeline takes one partition's run at a time, in offset order.
      const runs = new Map<string, typeof batch>();
      for (const m of batch) {
        const k = `${m.topic}\u0000${m.partition}`;
        let run = runs.get(k);
        if (!run) {
          run = [];
          runs.set(k, run);
        }
        run.push(m);
      }
      for (const run of runs.values()) {
        const first = run[0] as (typeof run)[number];
        const records = await options.pipeline.process(first.topic, first.partition, run);
        read += run.length;
        yield* records;
      }
      options.onProgress?.({ read, total });
    }
  } catch (error) {
    throw sdkErrorFromKafka(error, `reading ${options.topics.join(", ")}`);
  }
}
