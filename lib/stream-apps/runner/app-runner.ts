import "server-only";
import { KafkaError, type KafkaErrorKind, kafkaErrorKind } from "../../kafka/errors";
import { GroupMembership, type PartitionRef, type TopicLayout } from "../../kafka/group-membership";
import { TransactionFailed } from "../../kafka/transactional-producer";
import type { DatastreamCatalog } from "../../sdk/datastream-catalog";
import { RecordPipeline } from "../../sdk/record-pipeline";
import type { RejectedRecord } from "../../sdk/rejected-record";
import { appKafkaConfig } from "./app-kafka-config";
import type { AppPlan } from "./app-plan";
import { JoinTask } from "./join-task";
import { PartitionTask } from "./partition-task";
import { createRecordSelector, type RecordSelector } from "./record-selector";
import type { JoinStateReport, RunnerReport, RunnerStore } from "./runner-store";

export interface AppRunnerDeps {
  store: RunnerStore;
  catalog: DatastreamCatalog;
  /** Records the pipeline refused (not JSON, another system's, a result its type refuses), per source system. */
  onRejected(systemName: string, rejection: RejectedRecord): void;
  /** The app's Kafka principal was refused (credential or ACLs): ask the console's reconciler to look now. */
  onAccessRefused(companyId: string): void;
  /** Tuning (tests, the benchmark). */
  maxBytes?: number;
  maxWaitMs?: number;
  sessionTimeoutMs?: number;
}

const MAX_BACKOFF_MS = 30_000;

/** A failure in words for the app's page: what is wrong and whether it will sort itself out. */
function describeFailure(error: unknown): {
  state: RunnerReport["state"];
  reason: string;
  kind: KafkaErrorKind | "fenced";
} {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof TransactionFailed && error.fenced) {
    return { state: "waiting", kind: "fenced", reason: "Another worker took over a partition; rejoining the group" };
  }
  const kind = kafkaErrorKind(error);
  switch (kind) {
    case "unavailable":
      return { state: "waiting", kind, reason: `Waiting for Kafka: ${message}` };
    case "authentication":
      return {
        state: "waiting",
        kind,
        reason: `Kafka refused the app's credential (missing or not yet provisioned; the reconciler restores it): ${message}`,
      };
    case "authorization":
      return {
        state: "waiting",
        kind,
        reason: `Kafka refused the app's rights (its ACLs are not yet provisioned, or were removed): ${message}`,
      };
    case "not-found":
      return { state: "waiting", kind, reason: `A topic is missing (not yet created, or deleted): ${message}` };
    default:
      return { state: "failing", kind, reason: message };
  }
}

/**
 * Runs one deployed app in this worker: joins its consumer group as the app's own principal, runs a PartitionTask
 * for each partition Kafka assigns here, and follows rebalances (tasks of partitions that moved away stop, new ones
 * start). Any failure tears it all down and starts over after a backoff, from the committed offsets: Kafka away,
 * a credential or ACL missing, a fenced transaction. Reports its state and partitions through the store.
 */
export class AppRunner {
  private stopping = false;
  private readonly tasks = new Map<string, PartitionTask | JoinTask>();
  private joinState: JoinStateReport | null = null;
  private failure: unknown;
  private wake: (() => void) | undefined;
  private state: RunnerReport["state"] = "waiting";
  private reason = "Starting";
  readonly done: Promise<void>;

  constructor(
    readonly plan: AppPlan,
    private readonly deps: AppRunnerDeps,
  ) {
    this.done = this.supervise();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.done;
  }

  private log(level: "info" | "warn" | "error", message: string) {
    this.deps.store.log(this.plan.appId, level, message);
  }

  report(): void {
    this.deps.store.report(this.plan.appId, {
      state: this.state,
      reason: this.reason,
      version: this.plan.version,
      partitions: [...this.tasks.keys()].sort(),
      ...(this.plan.kind === "join" ? { joinState: this.joinState } : {}),
    });
  }

  private setState(state: RunnerReport["state"], reason: string) {
    this.state = state;
    this.reason = reason;
    this.report();
  }

  private async supervise(): Promise<void> {
    if (this.plan.blocked || !this.plan.query) {
      this.setState("stopped", this.plan.blocked ?? "Its query does not parse");
      return;
    }
    let backoff = 1000;
    let lastReason = "";
    while (!this.stopping) {
      this.failure = undefined;
      try {
        await this.runOnce();
        if (this.stopping) break;
      } catch (error) {
        this.failure ??= error;
      }
      if (this.stopping) break;
      const d = describeFailure(this.failure);
      this.setState(d.state, d.reason);
      if (d.reason !== lastReason) this.log(d.state === "failing" ? "error" : "warn", `${d.reason} (retrying)`);
      lastReason = d.reason;
      if (d.kind === "authentication" || d.kind === "authorization") this.deps.onAccessRefused(this.plan.companyId);
      // Provisioning (a credential, an ACL, a topic) usually arrives within seconds: look again soon for those.
      const cap =
        d.kind === "fenced" ? 500 : d.state === "failing" ? MAX_BACKOFF_MS : d.kind === "unavailable" ? 10_000 : 5000;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        setTimeout(resolve, Math.min(backoff, cap));
      });
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    }
    this.setState("stopped", "");
  }

  /** One membership, until it fails or the runner stops; tasks are stopped before it returns or throws. */
  private async runOnce(): Promise<void> {
    if (this.plan.kind === "join") return this.runJoinOnce();
    const plan = this.plan;
    const query = plan.query;
    if (!query) return;
    const config = appKafkaConfig(plan);
    const topics = plan.sources.map((s) => `${s.name}.int`);
    const selectors = new Map(plan.sources.map((s) => [`${s.name}.int`, createRecordSelector(query, s)]));
    const pipeline = new RecordPipeline({
      catalog: this.deps.catalog,
      filter: () => undefined,
      onRejected: (r) => this.deps.onRejected(r.topic.replace(/\.int$/, ""), r),
    });
    let layout: Map<string, TopicLayout> | undefined;
    let coordinator: Awaited<ReturnType<GroupMembership["coordinator"]>> | undefined;
    let assignment: PartitionRef[] = [];
    let membership: GroupMembership | undefined;
    const fail = (error: unknown) => {
      this.failure ??= error;
      this.wake?.();
    };
    const apply = () => {
      if (!layout || !coordinator || this.stopping || this.failure) return;
      const wanted = new Set(assignment.map((p) => `${p.topic}#${p.partition}`));
      for (const [key, task] of this.tasks) {
        if (wanted.has(key)) continue;
        this.tasks.delete(key);
        void task.stop();
      }
      const added: string[] = [];
      for (const p of assignment) {
        const key = `${p.topic}#${p.partition}`;
        if (this.tasks.has(key)) continue;
        const t = layout.get(p.topic);
        const leader = t?.leaders[p.partition];
        if (!t || !leader) {
          fail(new KafkaError("not-found", `no leader known for ${key}`));
          return;
        }
        const task = new PartitionTask({
          config,
          principal: plan.principal,
          group: { groupId: plan.group, coordinatorId: coordinator.id, coordinator: coordinator.broker },
          topic: p.topic,
          topicId: t.id,
          partition: p.partition,
          leader,
          targetTopic: plan.targetTopic,
          pipeline,
          select: selectors.get(p.topic) ?? (() => undefined),
          maxBytes: this.deps.maxBytes,
          maxWaitMs: this.deps.maxWaitMs,
          onNotice: (message) => this.log("warn", message),
          onCommitted: (delta, at) => {
            if (delta) this.deps.store.count(plan.appId, p.topic, p.partition, delta, at);
            else this.deps.store.position(plan.appId, p.topic, p.partition, at.position, at.lag);
          },
        });
        this.tasks.set(key, task);
        added.push(key);
        task.done.catch((error: unknown) => {
          if (this.tasks.get(key) !== task) return;
          if (error instanceof TransactionFailed && error.fenced) {
            // Another member took the partition over (its assignment came before ours): let it go, and only take
            // it back if the group still gives it to us a moment later.
            this.tasks.delete(key);
            setTimeout(apply, 2000);
            return;
          }
          fail(error);
        });
      }
      if (added.length > 0)
        this.log("info", `Holds ${[...this.tasks.keys()].sort().join(", ")} (version ${plan.version})`);
      this.setState("running", "");
    };
    try {
      membership = await GroupMembership.join(config, {
        groupId: plan.group,
        topics,
        sessionTimeoutMs: this.deps.sessionTimeoutMs,
        onAssignment: (partitions) => {
          assignment = partitions;
          apply();
        },
        onError: fail,
      });
      [layout, coordinator] = await Promise.all([membership.layout(topics), membership.coordinator()]);
      apply();
      await this.untilStoppedOrFailed();
    } finally {
      await this.stopTasks(membership);
    }
    if (this.failure) throw this.failure;
  }

  /**
   * A join: one task reads every partition of all its inputs, so one member of the app's group runs it: the one
   * Kafka assigns the first partition of the first input topic (the group still spreads nothing else; another worker
   * takes over when that member leaves). Two members that both believe they hold it are settled by the app's one
   * transactional id: the later one fences the earlier.
   */
  private async runJoinOnce(): Promise<void> {
    const plan = this.plan;
    const joinPlan = plan.join;
    if (!joinPlan) return;
    const config = appKafkaConfig(plan);
    const selectors = new Map<string, { input: number; select: RecordSelector }[]>();
    joinPlan.inputs.forEach((input, index) => {
      for (const source of input.sources) {
        const topic = `${source.name}.int`;
        const list = selectors.get(topic) ?? [];
        list.push({ input: index, select: createRecordSelector(input.query, source) });
        selectors.set(topic, list);
      }
    });
    const topics = [...selectors.keys()].sort();
    const anchor = `${topics[0]}#0`;
    const output = await this.deps.catalog.get(joinPlan.outputName);
    if (!output) {
      throw new KafkaError("not-found", `its output datastream ${joinPlan.outputName} is not registered (yet)`);
    }
    const pipeline = new RecordPipeline({
      catalog: this.deps.catalog,
      filter: () => undefined,
      onRejected: (r) => this.deps.onRejected(r.topic.replace(/\.int$/, ""), r),
    });
    let layout: Map<string, TopicLayout> | undefined;
    let coordinator: Awaited<ReturnType<GroupMembership["coordinator"]>> | undefined;
    let holdsAnchor = false;
    let membership: GroupMembership | undefined;
    const fail = (error: unknown) => {
      this.failure ??= error;
      this.wake?.();
    };
    const apply = () => {
      if (!layout || !coordinator || this.stopping || this.failure) return;
      const running = this.tasks.get("join");
      if (!holdsAnchor) {
        if (running) {
          this.tasks.delete("join");
          void running.stop();
          this.log("info", "Another worker runs the join now");
        }
        this.setState("running", "Standing by: another worker runs the join");
        return;
      }
      if (running) return;
      const task = new JoinTask({
        config,
        principal: plan.principal,
        appVersion: plan.version,
        group: { groupId: plan.group, coordinatorId: coordinator.id, coordinator: coordinator.broker },
        plan: joinPlan,
        layout,
        selectors,
        targetTopic: plan.targetTopic,
        output,
        pipeline,
        maxBytes: this.deps.maxBytes,
        maxWaitMs: this.deps.maxWaitMs,
        onNotice: (level, message) => this.log(level, message),
        onCommitted: (deltas, at, stats) => {
          for (const [key, position] of at) {
            const hash = key.lastIndexOf("#");
            const topic = key.slice(0, hash);
            const partition = Number(key.slice(hash + 1));
            const delta = deltas.get(key);
            if (delta) this.deps.store.count(plan.appId, topic, partition, delta, position);
            else this.deps.store.position(plan.appId, topic, partition, position.position, position.lag);
          }
          const iso = (t: number | null) => (t === null || !Number.isFinite(t) ? null : new Date(t).toISOString());
          this.joinState = {
            buffered: stats.buffered,
            bufferedPerInput: stats.bufferedPerInput,
            stateBytes: stats.stateBytes,
            watermarkPerInput: stats.watermarkPerInput.map(iso),
            watermark: iso(stats.watermark),
            idlePartitions: stats.idlePartitions,
            pairsEmitted: stats.pairsEmitted,
            latePerInput: stats.latePerInput,
          };
        },
      });
      this.tasks.set("join", task);
      this.log("info", `Runs the join over ${topics.join(", ")} (version ${plan.version})`);
      task.done.catch((error: unknown) => {
        if (this.tasks.get("join") !== task) return;
        if (error instanceof TransactionFailed && error.fenced) {
          this.tasks.delete("join");
          setTimeout(apply, 2000);
          return;
        }
        fail(error);
      });
      this.setState("running", "");
    };
    try {
      membership = await GroupMembership.join(config, {
        groupId: plan.group,
        topics,
        sessionTimeoutMs: this.deps.sessionTimeoutMs,
        onAssignment: (partitions) => {
          holdsAnchor = partitions.some((p) => `${p.topic}#${p.partition}` === anchor);
          apply();
        },
        onError: fail,
      });
      [layout, coordinator] = await Promise.all([
        membership.layout([...topics, joinPlan.stateTopic]),
        membership.coordinator(),
      ]);
      apply();
      await this.untilStoppedOrFailed();
    } finally {
      await this.stopTasks(membership);
    }
    if (this.failure) throw this.failure;
  }

  private async untilStoppedOrFailed(): Promise<void> {
    while (!this.stopping && !this.failure) {
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
  }

  /** Stops this member's tasks (each commits what it finished) before leaving the group, so no partition runs twice. */
  private async stopTasks(membership: GroupMembership | undefined): Promise<void> {
    const tasks = [...this.tasks.values()];
    this.tasks.clear();
    await Promise.all(tasks.map((t) => t.stop()));
    await membership?.leave();
  }
}
