import "server-only";
import { GROUP_POLL_MS, ProductionCounter, pollClientGroups } from "../clients/client-activity";
import { ConsoleDatastreamCatalog } from "../datastreams/console-datastream-catalog";
import { db } from "../db/client";
import { EVENTS_RESUMED } from "../events/change-event";
import { subscribeEvents } from "../events/subscribe-events";
import { KafkaAdmin } from "../kafka/admin";
import { consoleKafkaConfig } from "../kafka/console-connection";
import { GroupConsumer } from "../kafka/consumer";
import { createLogger } from "../log";
import { oneAtATime } from "../one-at-a-time";
import { RejectionOutbox } from "../rejected-records/rejection-outbox";
import { RecordPipeline } from "../sdk/record-pipeline";
import type { RheiRecord } from "../sdk/rhei-record";
import { systemTopics } from "../topology/system-topics";
import { clearAlarm, type LoadedRule, loadRules, raiseAlarm, repeatAlarm, setConditionSince } from "./alarm-store";
import { checkSilence } from "./check-silence";
import { describeCondition, nextState, stepRule } from "./evaluate-rule";
import { HealthTracker } from "./health-tracker";

const log = createLogger("alarms");

/** The evaluator's consumer group: every console process joins it, so each partition (and datastream) has one. */
export const EVALUATOR_GROUP = "rhei-console.evaluator";
/** How long a join is left to run before new topics make this process rejoin (a join that never completes: 3×). */
const REJOIN_AFTER_MS = 20_000;

interface Known {
  id: string;
  name: string;
  unit: string;
  rules: LoadedRule[];
}

/**
 * Reads every system's `.int` once for the whole console, as a consumer group: Kafka assigns each partition (so each
 * datastream, whose records share one key) to exactly one console process, which evaluates the datastream's alarm
 * rules once per record and keeps its health. Positions are committed after each batch's effects are in
 * PostgreSQL, so a restarted console resumes from Kafka, and rules resume from their held-since times.
 */
export function startAlarmEvaluator(options: { periodMs?: number } = {}) {
  const kafka = consoleKafkaConfig({ clientId: "rhei-evaluator" });
  const catalog = new ConsoleDatastreamCatalog();
  const rejections = new RejectionOutbox("rhei:evaluator");
  const pipeline = new RecordPipeline({
    catalog,
    filter: () => undefined,
    onRejected: (r) => rejections.add(r.topic.replace(/\.(int|ext|log)$/, ""), [r]),
  });
  const known = new Map<string, Known | null>();
  const health = new Map<string, HealthTracker>();
  // What each client application produced (counted here, since this reads every .int once) and consumed.
  const production = new ProductionCounter();
  let consumer: GroupConsumer | undefined;
  let stopped = false;
  let restartTimer: NodeJS.Timeout | undefined;

  const knownFor = async (fullName: string): Promise<Known | null> => {
    const cached = known.get(fullName);
    if (cached !== undefined) return cached;
    const d = await db.datastream.findUnique({
      where: { fullName },
      select: { id: true, name: true, unitSymbol: true },
    });
    const entry = d ? { id: d.id, name: d.name, unit: d.unitSymbol, rules: await loadRules([d.id]) } : null;
    known.set(fullName, entry);
    return entry;
  };

  const evaluate = async (k: Known, r: RheiRecord) => {
    const time = Date.parse(r.phenomenonTime);
    for (const rule of k.rules) {
      if (rule.kind === "silent") {
        // A record ends a silence.
        if (rule.openAlarmId) {
          await clearAlarm(rule, rule.openAlarmId, time);
          rule.openAlarmId = null;
        }
        continue;
      }
      const state = { conditionSince: rule.conditionSince, open: rule.openAlarmId !== null };
      const step = stepRule(rule, state, { time, result: r.result });
      const next = nextState(state, step);
      switch (step.action) {
        case "arm":
        case "disarm":
          await setConditionSince(rule.id, next.conditionSince);
          break;
        case "raise": {
          await setConditionSince(rule.id, step.since);
          const message = `${k.name} ${describeCondition({ ...rule, unit: k.unit })} (was ${JSON.stringify(r.result)})`;
          rule.openAlarmId = await raiseAlarm(rule, time, r.result, message);
          break;
        }
        case "repeat":
          if (rule.openAlarmId) await repeatAlarm(rule.openAlarmId, 1, time, r.result);
          break;
        case "clear":
          if (rule.openAlarmId) await clearAlarm(rule, rule.openAlarmId, time);
          rule.openAlarmId = null;
          break;
        case "none":
          break;
      }
      rule.conditionSince = next.conditionSince;
    }
  };

  const flushHealth = async () => {
    const now = Date.now();
    for (const [datastreamId, tracker] of health) {
      if (!tracker.dirty) continue;
      tracker.dirty = false;
      const s = tracker.snapshot(now);
      const data = {
        lastPhenomenonAt: new Date(s.lastPhenomenonAt),
        lastSeenAt: new Date(s.lastSeenAt),
        lastValue: s.lastValue === undefined ? undefined : (s.lastValue as object),
        perMinute: s.perMinute,
        perHour: s.perHour,
        intervalMs: s.intervalMs,
        silentSince: null,
      };
      await db.datastreamHealth
        .upsert({ where: { datastreamId }, create: { datastreamId, ...data }, update: data })
        .catch((error: unknown) => log.debug("could not keep a datastream's health", { error }));
    }
  };
  const healthTimer = setInterval(() => {
    void flushHealth();
    void production.flush().catch((error: unknown) => log.debug("could not keep clients' production", { error }));
  }, 5000);
  healthTimer.unref();
  const groupsTimer = setInterval(() => {
    void (async () => {
      const admin = await KafkaAdmin.connect(kafka);
      await pollClientGroups(admin).finally(() => admin.disconnect());
    })().catch((error: unknown) => log.debug("could not poll the clients' groups", { error }));
  }, GROUP_POLL_MS);
  groupsTimer.unref();
  const silenceTimer = setInterval(
    () => void checkSilence().catch((error: unknown) => log.debug("silence check failed", { error })),
    options.periodMs ?? 10_000,
  );
  silenceTimer.unref();

  let following = "";
  // Topics followed since this process first joined: one that appears later is a new system's, so its records are
  // all new and are read from its start (the group has no position on it); at the first start, the end is enough.
  let followed: Set<string> | undefined;
  // When this process last got its partitions: a rejoin for new topics waits until a join has had time to finish
  // and read, or systems created every few seconds (as tests do) would restart every join before it completes.
  let joinedAt = 0;
  let joiningSince = 0;
  // A start in progress (listing topics, connecting): another must not run beside it, or two members of this
  // process would be in the group, the first one leaked, and every join would rebalance again.
  let starting = false;
  // New systems' topics appear once the reconciler made them: look every 10 s, and rejoin with them.
  const topicsTimer = setInterval(() => {
    void (async () => {
      const systems = await db.system.findMany({ select: { name: true } });
      const admin = await KafkaAdmin.connect(kafka);
      const existing = new Set(await admin.listTopics().finally(() => admin.disconnect()));
      const now = systems
        .map((s) => systemTopics(s.name).int)
        .filter((t) => existing.has(t))
        .sort()
        .join("\n");
      const settled =
        (!starting && restarting === 0 && consumer === undefined) ||
        (joinedAt > 0 ? Date.now() - joinedAt >= REJOIN_AFTER_MS : Date.now() - joiningSince >= 3 * REJOIN_AFTER_MS);
      if (now !== following && settled) scheduleRestart(0);
    })().catch(() => undefined);
  }, 10_000);
  topicsTimer.unref();
  let assigned: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    assigned = resolve;
  });

  const start = async () => {
    if (starting) return;
    starting = true;
    try {
      await startOnce();
    } finally {
      starting = false;
    }
  };

  const startOnce = async () => {
    const systems = await db.system.findMany({ select: { name: true } });
    let existing: Set<string>;
    try {
      const admin = await KafkaAdmin.connect(kafka);
      existing = new Set(await admin.listTopics().finally(() => admin.disconnect()));
    } catch (error) {
      log.warn("the alarm evaluator cannot reach Kafka yet; retrying", { error: (error as Error).message });
      scheduleRestart(10_000);
      return;
    }
    // Only topics the reconciler has created (a system created a moment ago joins at its first restart).
    const topics = systems.map((s) => systemTopics(s.name).int).filter((t) => existing.has(t));
    following = topics.sort().join("\n");
    const added = followed ? topics.filter((t) => !followed?.has(t)) : [];
    followed = new Set([...(followed ?? []), ...topics]);
    if (topics.length === 0 || stopped) return;
    joiningSince = Date.now();
    try {
      consumer = await GroupConsumer.connect(kafka, {
        groupId: EVALUATOR_GROUP,
        topics,
        fromBeginning: false,
        fromBeginningTopics: added,
        // A member that crashed without leaving (a dropped SASL session) is replaced after this, not after 30 s.
        sessionTimeoutMs: 10_000,
        selfRestart: false,
      });
    } catch (error) {
      log.warn("the alarm evaluator cannot join its group yet; retrying", { error: (error as Error).message });
      scheduleRestart(10_000);
      return;
    }
    const c = consumer;
    void c
      .run(
        async (batch, context) => {
          if (!context.isActive() || batch.messages.length === 0) return;
          const records = await pipeline.process(batch.topic, batch.partition, batch.messages);
          const seenAt = Date.now();
          production.count(batch.topic, batch.messages, seenAt);
          for (const r of records) {
            const k = await knownFor(r.datastream.fullName);
            if (!k) continue;
            let tracker = health.get(k.id);
            if (!tracker) {
              tracker = new HealthTracker();
              health.set(k.id, tracker);
            }
            tracker.record(Date.parse(r.phenomenonTime), seenAt, r.result);
            await evaluate(k, r);
          }
          const last = batch.messages.at(-1);
          if (!last || !context.isActive()) return;
          context.markFetched(last.offset);
          await c.commit([
            { topic: batch.topic, partition: batch.partition, offset: String(BigInt(last.offset) + 1n) },
          ]);
        },
        {
          onCrash: (error) => {
            log.warn("the alarm evaluator stopped; restarting", { error: error.message });
            scheduleRestart(5000);
          },
          // A rebalance hands partitions (and their datastreams) to other processes: forget what may be stale.
          onAssignment: () => {
            joinedAt = Date.now();
            known.clear();
            assigned();
          },
        },
      )
      .catch((error: unknown) => {
        log.warn("the alarm evaluator failed; restarting", { error: (error as Error).message });
        scheduleRestart(5000);
      });
  };

  // One restart at a time: leaving waits for a join in progress, and a second restart meanwhile would start a member
  // whose reference the first then overwrites, leaking it (it would hold partitions nobody reads).
  const inTurn = oneAtATime((error) => {
    log.warn("the alarm evaluator could not restart; it tries again", { error: (error as Error).message });
    scheduleRestart(5000);
  });
  let restarting = 0;
  const restart = () => {
    restartTimer = undefined;
    restarting++;
    return inTurn(async () => {
      try {
        joinedAt = 0;
        const old = consumer;
        consumer = undefined;
        await old?.disconnect().catch(() => undefined);
        if (!stopped) await start();
      } finally {
        restarting--;
      }
    });
  };
  const scheduleRestart = (delayMs: number) => {
    if (stopped || restartTimer) return;
    restartTimer = setTimeout(() => void restart(), delayMs);
    restartTimer.unref();
  };

  const unsubscribe = subscribeEvents(["system.changed", "alarm-rule.changed", "datastream.changed"], (event) => {
    if (event.type === EVENTS_RESUMED) {
      known.clear();
      return;
    }
    if (event.type === "system.changed" && event.change !== "updated") scheduleRestart(5000);
    else known.clear(); // rules or datastreams changed: read them afresh
  });

  void start();
  return {
    /** Resolves once this process has joined the group and got its partitions (tests wait for it). */
    ready,
    async stop() {
      stopped = true;
      clearTimeout(restartTimer);
      clearInterval(healthTimer);
      clearInterval(groupsTimer);
      clearInterval(silenceTimer);
      clearInterval(topicsTimer);
      await unsubscribe();
      await consumer?.disconnect().catch(() => undefined);
      await flushHealth();
      await production.flush();
      await rejections.close();
      await catalog.close();
    },
  };
}
