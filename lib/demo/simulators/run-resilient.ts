import { setTimeout as sleep } from "node:timers/promises";
import { RheiClient, type RheiClientOptions } from "../../sdk";

export type SimulatorLog = (line: string) => void;

/**
 * Runs a simulator's body with a fresh client until `signal` aborts. A demo starts before the reconciler has
 * created the client's credential and topics, and outlives broker restarts: any failure closes the client and the
 * body starts again after a growing pause (2 s up to 30 s), saying why once per distinct reason.
 */
export async function runResilient(
  name: string,
  options: RheiClientOptions,
  body: (client: RheiClient, signal: AbortSignal) => Promise<void>,
  signal: AbortSignal,
  log: SimulatorLog,
): Promise<void> {
  let pause = 2000;
  let lastReason = "";
  while (!signal.aborted) {
    const client = new RheiClient(options);
    const onAbort = () => void client.close().catch(() => undefined);
    signal.addEventListener("abort", onAbort, { once: true });
    try {
      await body(client, signal);
      pause = 2000;
    } catch (error) {
      if (signal.aborted) break;
      const reason = error instanceof Error ? error.message : String(error);
      if (reason !== lastReason) log(`${name}: ${reason} (retrying)`);
      lastReason = reason;
    } finally {
      signal.removeEventListener("abort", onAbort);
      await client.close().catch(() => undefined);
    }
    if (signal.aborted) break;
    await sleep(pause, undefined, { signal }).catch(() => undefined);
    pause = Math.min(30_000, pause * 2);
  }
}

/** Resolves after `ms`, or early (without error) when the signal aborts. */
export function tick(ms: number, signal: AbortSignal): Promise<void> {
  return sleep(ms, undefined, { signal }).catch(() => undefined);
}
