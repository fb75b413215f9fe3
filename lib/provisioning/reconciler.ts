import "server-only";
import { EVENTS_RESUMED } from "../events/change-event";
import { subscribeEvents } from "../events/subscribe-events";
import { createLogger } from "../log";
import { reconcilableCompanies } from "./reconcilable-companies";
import { type ReconcileSummary, reconcileOnce } from "./reconcile-once";
import { combineSummaries, emptySummary } from "./summaries";

const log = createLogger("provisioning");

export interface ReconcilerOptions {
  /** A full pass this often, to notice drift and catch lost nudges. */
  periodMs?: number;
  /** Nudges within this window collapse into one pass. */
  debounceMs?: number;
  /** How soon to look again after drift was repaired or work was left (to confirm, or to finish it). */
  followUpMs?: number;
  /** Backoff while Kafka (or PostgreSQL) is unreachable: doubling from followUpMs up to this. */
  maxBackoffMs?: number;
  /** Listen for change events (from any process, lib/events); off, only nudge() and the period start passes. */
  listen?: boolean;
  /** Reconcile only these companies (a console dedicated to some tenants, or a test); all when absent. */
  companyIds?: string[];
  /** A full pass runs as several passes of this many companies, so nudged companies never wait behind all others. */
  companiesPerPass?: number;
}

export interface Reconciler {
  /** Asks for a pass soon (for one company, or all). */
  nudge(companyId?: string): void;
  /** Resolves after the next pass that starts from now has finished. */
  nextPass(): Promise<ReconcileSummary | undefined>;
  stop(): Promise<void>;
}

/**
 * The background reconciler: passes on nudges (debounced), periodically, and again with backoff while work is
 * left. Never runs two passes at once in this process; the advisory lock keeps other processes out too. Pages
 * never wait for it: domain operations only nudge.
 */
export function startReconciler(options: ReconcilerOptions = {}): Reconciler {
  const periodMs = options.periodMs ?? 60_000;
  const debounceMs = options.debounceMs ?? 300;
  const followUpMs = options.followUpMs ?? 2_000;
  const maxBackoffMs = options.maxBackoffMs ?? 60_000;
  const companiesPerPass = options.companiesPerPass ?? 20;

  let timer: NodeJS.Timeout | undefined;
  let dueAt = Number.POSITIVE_INFINITY;
  let running: Promise<void> | undefined;
  let stopped = false;
  let failures = 0;
  // What the next pass covers: some companies, or everything.
  let scope: Set<string> | "all" = "all";
  let waiters: ((s: ReconcileSummary | undefined) => void)[] = [];

  // everything: the pass, when its time comes, covers every company (the periodic pass). Widening only then, not
  // when it is scheduled, keeps a nudge meanwhile a pass over the nudged company alone.
  const schedule = (delayMs: number, { everything = false } = {}) => {
    if (stopped) return;
    const at = Date.now() + delayMs;
    if (timer && at >= dueAt) return; // an earlier pass is already due
    clearTimeout(timer);
    dueAt = at;
    timer = setTimeout(() => {
      if (everything) widen();
      void run();
    }, delayMs);
  };

  const only = options.companyIds ? new Set(options.companyIds) : undefined;
  // Companies nudged since their last pass, even when the next pass covers everything anyway: a full pass takes
  // them first, so a user's new system never waits behind the whole backlog (or behind a broker outage that stops
  // the pass after its first chunk).
  let nudged = new Set<string>();
  const widen = (companyId?: string) => {
    if (companyId !== undefined) nudged.add(companyId);
    if (companyId === undefined || scope === "all") scope = "all";
    else scope.add(companyId);
  };
  const companiesOf = (covered: Set<string>) => (only ? [...covered].filter((c) => only.has(c)) : [...covered]);
  const takeNudged = () => {
    const taken = [...nudged];
    nudged = new Set();
    return taken;
  };

  // Every company, a few at a time, nudged ones first; between chunks, companies nudged meanwhile go next. While
  // the broker is away, the remaining companies only get their resources recorded as waiting (PostgreSQL only).
  const fullPass = async (): Promise<ReconcileSummary> => {
    const first = takeNudged().filter((c) => !only || only.has(c));
    const rest = (await reconcilableCompanies()).filter((c) => !first.includes(c) && (!only || only.has(c)));
    const queue = [...first, ...rest];
    let total: ReconcileSummary | undefined;
    const done = new Set<string>();
    // Nudged again after their chunk was done (a change made during a long pass): they go again, next.
    const again = new Set<string>();
    while (queue.length > 0 && !stopped) {
      const chunk = [...new Set(queue.splice(0, companiesPerPass))].filter((c) => !done.has(c) || again.has(c));
      if (chunk.length === 0) continue;
      for (const c of chunk) {
        done.add(c);
        again.delete(c);
      }
      const away = total && total.kafka !== "up" ? total : undefined;
      total = combineSummaries(total, await reconcileOnce({ companyIds: chunk, brokerAway: away }));
      if (total.kafka === "up") {
        const nudgedNow = takeNudged();
        for (const c of nudgedNow) if (done.has(c)) again.add(c);
        queue.unshift(...nudgedNow);
      }
    }
    return total ?? emptySummary();
  };

  const run = async (): Promise<void> => {
    timer = undefined;
    dueAt = Number.POSITIVE_INFINITY;
    if (stopped) return;
    if (running) {
      // A nudge during a pass: run again right after it, so nothing committed meanwhile is missed.
      await running;
      return schedule(debounceMs);
    }
    const covered = scope;
    scope = new Set();
    if (covered !== "all") for (const c of covered) nudged.delete(c);
    const listeners = waiters;
    waiters = [];
    let summary: ReconcileSummary | undefined;
    running = (async () => {
      try {
        summary = covered === "all" ? await fullPass() : await reconcileOnce({ companyIds: companiesOf(covered) });
      } catch (error) {
        log.error("reconciliation pass failed", { error });
      }
    })();
    await running;
    running = undefined;
    for (const resolve of listeners) resolve(summary);
    if (stopped) return;

    const troubled = summary?.kafka !== "up" || summary.failed > 0;
    if (troubled) {
      failures++;
      widen(); // the retry covers everything it could not do
      schedule(Math.min(maxBackoffMs, followUpMs * 2 ** (failures - 1)));
    } else {
      failures = 0;
      if (summary?.followUp) {
        widen();
        schedule(followUpMs);
      }
    }
    // The periodic full pass.
    if (!timer) schedule(periodMs, { everything: true });
  };

  const nudge = (companyId?: string) => {
    if (only && companyId !== undefined && !only.has(companyId)) return;
    widen(companyId);
    schedule(debounceMs);
  };

  // The change events that alter what Kafka should hold; after a lost connection, everything (events were missed).
  const unsubscribe =
    options.listen === false
      ? async () => undefined
      : subscribeEvents(
          ["system.changed", "client.changed", "provisioning.requested", "stream-app.changed", "grant.changed"],
          (event) => {
            if (event.type === EVENTS_RESUMED) return nudge();
            nudge(event.companyId);
            // A grant's receiver holds the ACLs of the apps reading under it.
            if (event.type === "grant.changed") nudge(event.targetCompanyId);
          },
        );
  nudge(); // a first full pass at start

  return {
    nudge,
    nextPass: () =>
      new Promise((resolve) => {
        waiters.push(resolve);
      }),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await unsubscribe();
      await running;
      for (const resolve of waiters) resolve(undefined);
      waiters = [];
    },
  };
}
