import type { ReconcileSummary } from "./reconcile-once";

/** The summary of several passes taken as one (a full pass runs as several, a few companies each). */
export function combineSummaries(a: ReconcileSummary | undefined, b: ReconcileSummary): ReconcileSummary {
  if (!a) return b;
  const changes = { ...(a.changes ?? {}) };
  for (const [kind, n] of Object.entries(b.changes ?? {})) changes[kind] = (changes[kind] ?? 0) + n;
  const kafka = a.kafka !== "up" ? a.kafka : b.kafka;
  return {
    ran: a.ran || b.ran,
    kafka,
    error: a.error ?? b.error,
    resources: a.resources + b.resources,
    actions: a.actions + b.actions,
    changes,
    failed: a.failed + b.failed,
    drift: a.drift + b.drift,
    errors: a.errors + b.errors,
    requests: { reads: a.requests.reads + b.requests.reads, writes: a.requests.writes + b.requests.writes },
    followUp: a.followUp || b.followUp,
    durationMs: a.durationMs + b.durationMs,
  };
}

export const emptySummary = (): ReconcileSummary => ({
  ran: true,
  kafka: "up",
  resources: 0,
  actions: 0,
  failed: 0,
  drift: 0,
  errors: 0,
  requests: { reads: 0, writes: 0 },
  followUp: false,
  durationMs: 0,
});
