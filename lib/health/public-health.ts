import type { Health } from "./check-health";

/** What anyone may see of the health: up or down. Reasons and details (hosts, versions) are for signed-in users. */
export function publicHealth(health: Health, signedIn: boolean): Health {
  if (signedIn) return health;
  const redact = (s: Health["services"]["kafka"]) =>
    s.up ? { up: true as const, latencyMs: s.latencyMs, detail: "" } : { up: false as const, reason: "" };
  return {
    ...health,
    services: { postgresql: redact(health.services.postgresql), kafka: redact(health.services.kafka) },
  };
}
