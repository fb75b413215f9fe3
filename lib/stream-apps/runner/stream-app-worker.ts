import "server-only";
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { ConsoleDatastreamCatalog } from "../../datastreams/console-datastream-catalog";
import { EVENTS_RESUMED } from "../../events/change-event";
import { publishEvent } from "../../events/publish-event";
import { subscribeEvents } from "../../events/subscribe-events";
import { createLogger } from "../../log";
import { RejectionOutbox } from "../../rejected-records/rejection-outbox";
import type { WorkerJob } from "../../worker/worker-job";
import { type AppPlan, loadAppPlans } from "./app-plan";
import { AppRunner } from "./app-runner";
import { RunnerStore } from "./runner-store";

const log = createLogger("stream-apps");

export interface StreamAppWorkerOptions {
  /** Names this worker in the apps' reports and logs (default: host, process id and a random suffix). */
  workerId?: string;
  /** Run only the apps of these companies (a worker dedicated to some tenants, or a test). */
  companyIds?: readonly string[];
  /** A full look at the deployed apps this often, besides the change events. */
  refreshMs?: number;
  /** Reports, counters and log lines are written this often. */
  flushMs?: number;
  /** Tuning for tests and the benchmark. */
  maxBytes?: number;
  maxWaitMs?: number;
  sessionTimeoutMs?: number;
}

/**
 * The stream-app job of a worker process: runs every deployed app (an AppRunner each), following the database: a
 * change event (an app deployed, edited, stopped or deleted; a grant offered, accepted or revoked; a system gone)
 * makes it look again within a moment, and it looks every `refreshMs` anyway (a grant that ends by its date sends
 * no event). Several workers share each app's partitions through Kafka's group protocol.
 */
export function streamAppWorker(options: StreamAppWorkerOptions = {}): WorkerJob & {
  readonly workerId: string;
  /** Looks at the deployed apps now (resolves once the runners match them). */
  refresh(): Promise<void>;
  /** Writes reports, counters and log lines now. */
  flush(): Promise<void>;
} {
  const workerId = options.workerId ?? `${hostname()}-${process.pid}-${randomBytes(2).toString("hex")}`;
  const store = new RunnerStore(workerId);
  const runners = new Map<string, AppRunner>();
  let catalog: ConsoleDatastreamCatalog | undefined;
  let rejections: RejectionOutbox | undefined;
  let unsubscribe: (() => Promise<void>) | undefined;
  let timers: NodeJS.Timeout[] = [];
  let debounce: NodeJS.Timeout | undefined;
  let refreshing: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  let validUntil: NodeJS.Timeout | undefined;
  const accessNudged = new Map<string, number>();

  const deps = () => ({
    store,
    catalog: catalog as ConsoleDatastreamCatalog,
    onRejected: (system: string, r: Parameters<RejectionOutbox["add"]>[1][number]) => rejections?.add(system, [r]),
    onAccessRefused: (companyId: string) => {
      // At most once a minute per company: the reconciler restores a removed credential or ACL on its next pass.
      const last = accessNudged.get(companyId) ?? 0;
      if (Date.now() - last < 60_000) return;
      accessNudged.set(companyId, Date.now());
      void publishEvent({ type: "provisioning.requested", companyId });
    },
    maxBytes: options.maxBytes,
    maxWaitMs: options.maxWaitMs,
    sessionTimeoutMs: options.sessionTimeoutMs,
  });

  const apply = async (plans: AppPlan[]) => {
    const wanted = new Map(plans.map((p) => [p.appId, p]));
    const stops: Promise<void>[] = [];
    for (const [appId, runner] of runners) {
      const plan = wanted.get(appId);
      if (plan && plan.signature === runner.plan.signature) continue;
      runners.delete(appId);
      stops.push(
        runner.stop().then(async () => {
          if (!plan) {
            store.log(appId, "info", "Stopped on this worker (the app was stopped or deleted)");
            await store.forget(appId);
          }
        }),
      );
    }
    await Promise.all(stops);
    for (const plan of plans) {
      if (runners.has(plan.appId) || stopped) continue;
      runners.set(plan.appId, new AppRunner(plan, deps()));
      if (!plan.blocked) store.log(plan.appId, "info", `Version ${plan.version} starts on worker ${workerId}`);
      else store.log(plan.appId, "warn", `Not running: ${plan.blocked}`);
    }
    // A grant that ends by its date sends no event: look again right then.
    clearTimeout(validUntil);
    const ends = plans.flatMap((p) => (p.validUntil ? [p.validUntil.getTime()] : [])).filter((t) => t > Date.now());
    if (ends.length > 0) {
      validUntil = setTimeout(() => void refresh(), Math.min(Math.min(...ends) - Date.now() + 100, 2 ** 31 - 1));
    }
  };

  const refresh = async (): Promise<void> => {
    if (stopped) return;
    if (refreshing) {
      again = true;
      return refreshing;
    }
    refreshing = (async () => {
      do {
        again = false;
        try {
          await apply(await loadAppPlans(options.companyIds));
        } catch (error) {
          log.warn("could not read the deployed stream apps; trying again soon", { error });
        }
      } while (again && !stopped);
    })().finally(() => {
      refreshing = undefined;
    });
    return refreshing;
  };

  const nudge = () => {
    clearTimeout(debounce);
    debounce = setTimeout(() => void refresh(), 100);
  };

  const flush = async () => {
    for (const r of runners.values()) r.report();
    await store.flush().catch((error: unknown) => log.warn("could not write the apps' reports", { error }));
  };

  return {
    name: "stream-apps",
    workerId,
    refresh,
    flush,
    async start() {
      catalog = new ConsoleDatastreamCatalog();
      rejections = new RejectionOutbox("rhei:stream-apps");
      unsubscribe = subscribeEvents(
        ["stream-app.changed", "grant.changed", "system.changed", "datastream.changed"],
        (event) => {
          if (event.type === EVENTS_RESUMED || !options.companyIds) return nudge();
          const companies = [event.companyId, ...(event.type === "grant.changed" ? [event.targetCompanyId] : [])];
          if (companies.some((c) => options.companyIds?.includes(c))) nudge();
        },
      );
      timers = [
        setInterval(() => void refresh(), options.refreshMs ?? 10_000),
        setInterval(() => void flush(), options.flushMs ?? 2000),
        setInterval(() => void store.trimLogs([...runners.keys()]).catch(() => undefined), 300_000),
      ];
      await refresh();
      log.info(`worker ${workerId} runs ${runners.size} stream app(s)`);
    },
    async stop() {
      stopped = true;
      clearTimeout(debounce);
      clearTimeout(validUntil);
      for (const t of timers) clearInterval(t);
      await refreshing;
      const all = [...runners.entries()];
      runners.clear();
      await Promise.all(all.map(([, r]) => r.stop()));
      await store.flush().catch(() => undefined);
      await Promise.all(all.map(([appId]) => store.forget(appId)));
      await unsubscribe?.();
      await rejections?.close();
      await catalog?.close();
      log.info(`worker ${workerId} stopped`);
    },
  };
}
