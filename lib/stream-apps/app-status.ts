// An app's state as its page shows it, from what the database wants and what the workers report. Pure.
import type { AppState } from "./schemas";

/** A worker's report older than this means the worker is gone. */
export const RUNNER_STALE_MS = 20_000;
/** Records behind the sources' end past which a running app is called lagging. */
export const LAGGING_RECORDS = 1000;

export interface RunnerReport {
  workerId: string;
  /** running | waiting | failing | stopped */
  state: string;
  reason: string;
  version: number;
  partitions: unknown;
  heartbeatAt: Date;
}

export interface AppStatusInput {
  desiredState: "running" | "stopped";
  /** Why the app cannot run now (its target deleted, no source it may read), if so. */
  blocked: string | null;
  runners: readonly RunnerReport[];
  lag: bigint | null;
  deployedAt: Date | null;
  now?: number;
}

export interface AppStatus {
  state: AppState;
  reason: string;
  /** Workers reporting on it now. */
  workers: number;
}

export function appStatus(input: AppStatusInput): AppStatus {
  const now = input.now ?? Date.now();
  const live = input.runners.filter((r) => now - r.heartbeatAt.getTime() < RUNNER_STALE_MS);
  const workers = live.length;
  if (input.desiredState === "stopped") return { state: "stopped", reason: "", workers };
  if (input.blocked) return { state: "stopped", reason: input.blocked, workers };
  if (live.length === 0) {
    const fresh = input.deployedAt !== null && now - input.deployedAt.getTime() < RUNNER_STALE_MS;
    return fresh
      ? { state: "starting", reason: "Waiting for a worker to pick it up", workers }
      : { state: "waiting", reason: "No worker is running it: start one with npm run worker", workers };
  }
  const pick = (state: string) => live.find((r) => r.state === state);
  const failing = pick("failing");
  if (failing) return { state: "failing", reason: failing.reason, workers };
  const waiting = pick("waiting");
  if (waiting) return { state: "waiting", reason: waiting.reason, workers };
  if (live.every((r) => r.state === "stopped")) return { state: "stopped", reason: live[0]?.reason ?? "", workers };
  if (input.lag !== null && input.lag > BigInt(LAGGING_RECORDS)) {
    return { state: "lagging", reason: `${input.lag} records behind its sources`, workers };
  }
  return { state: "running", reason: "", workers };
}
