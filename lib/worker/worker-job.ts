// What `npm run worker` runs: a small list of jobs in one process (worker.ts), each started and stopped alone. Stream
// apps are one; the history's rollups will be another.
export interface WorkerJob {
  readonly name: string;
  /** Resolves once the job runs (it keeps running in the background). */
  start(): Promise<void>;
  /** Finishes what is in flight and lets go of everything; resolves when done. */
  stop(): Promise<void>;
}
