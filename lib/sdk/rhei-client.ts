import type { KafkaConnectionConfig } from "../kafka/connection-config";
import { KafkaProducer } from "../kafka/producer";
import { clientGroup, PRODUCER_HEADER } from "../topology/principals";
import { systemDataTopics, systemTopics } from "../topology/system-topics";
import { BatchingProducer } from "./batching-producer";
import { type ClientStats, checkClientOptions, type RheiClientOptions } from "./client-options";
import { ConsoleApi } from "./console-api";
import { type DatastreamCatalog, MemoryDatastreamCatalog, resolveDatastream } from "./datastream-catalog";
import { type DatastreamInfo, parseDatastreamInfo } from "./datastream-info";
import { SdkError } from "./errors";
import { GroupSubscription } from "./group-subscription";
import { HttpDatastreamCatalog } from "./http-datastream-catalog";
import { sdkErrorFromKafka } from "./kafka-failure";
import { observationMessage, type ProduceOptions } from "./observation-record";
import { brokerTimeMs, parseTime, type TimeInput } from "./parse-time";
import { type RangeProgress, rangeRecords } from "./range-records";
import { RecordPipeline } from "./record-pipeline";
import { type RegisterResult, registerInstances } from "./register-instances";
import type { RejectedRecord } from "./rejected-record";
import { RejectionBatcher } from "./rejection-batcher";
import { HttpRejectionReporter } from "./rejection-reporter";
import type { RheiRecord } from "./rhei-record";
import { parseSubscriptions, SubscriptionFilter } from "./subscription-pattern";

export type { ClientStats, RheiClientOptions } from "./client-options";

export type LogLevel = "debug" | "info" | "warn" | "error";
const logLevels = new Set<LogLevel>(["debug", "info", "warn", "error"]);

export type { ProduceOptions } from "./observation-record";

/**
 * A client application's connection to Rhei: produces observations into its system's `.int`, logs to `.log`,
 * consumes `.int` and `.ext` in its own group, replays time ranges without one. See lib/sdk/README.md.
 */
export class RheiClient {
  readonly system: string;
  readonly client: string;
  readonly principal: string;
  /** Every record says which client produced it (one object shared by all of them). */
  private readonly headers: Readonly<Record<string, string>>;
  private readonly kafka: KafkaConnectionConfig;
  private readonly api: ConsoleApi | undefined;
  private readonly catalog: DatastreamCatalog;
  private readonly rejections: RejectionBatcher | undefined;
  private readonly pipeline: RecordPipeline;
  private kafkaProducer: Promise<KafkaProducer> | undefined;
  private batcher: BatchingProducer | undefined;
  private filter: SubscriptionFilter | undefined;
  private subscriptions = new Set<GroupSubscription>();
  private closed = false;
  private counts = { consumed: 0, rejected: 0 };

  constructor(private readonly options: RheiClientOptions) {
    const { principal, kafka } = checkClientOptions(options);
    this.system = options.system;
    this.client = options.client;
    this.principal = principal;
    this.headers = { [PRODUCER_HEADER]: principal };
    this.kafka = kafka;
    this.api = options.console
      ? new ConsoleApi({ url: options.console, principal, secret: options.secret, fetch: options.fetch })
      : undefined;
    this.catalog = options.catalog ?? (this.api ? new HttpDatastreamCatalog(this.api) : new MemoryDatastreamCatalog());
    if (options.datastreams) {
      this.catalog.remember(options.datastreams.map((d, i) => parseDatastreamInfo(d, `datastreams[${i}]`)));
    }
    const reporter = options.rejectionReporter ?? (this.api ? new HttpRejectionReporter(this.api) : undefined);
    this.rejections = reporter ? new RejectionBatcher(reporter) : undefined;
    this.pipeline = this.pipelineFor(true);
  }

  get stats(): ClientStats {
    return {
      produced: this.batcher?.stats.sent ?? 0,
      buffered: this.batcher?.buffered ?? 0,
      consumed: this.counts.consumed,
      waiting: [...this.subscriptions].reduce((n, s) => n + s.waiting, 0),
      rejected: this.counts.rejected,
      rejectionsReported: this.rejections?.stats.reported ?? 0,
      rejectionsUnreported: (this.rejections?.stats.unreported ?? 0) + (this.rejections?.pendingCount ?? 0),
    };
  }

  /** Creates or updates the client's things, sensors and datastreams from a reference instances.json (idempotent). */
  async register(instances: unknown): Promise<RegisterResult> {
    const result = await registerInstances(this.consoleApi("register()"), instances);
    this.catalog.remember(result.datastreams);
    this.resolved.clear();
    // The reference client produced by instances.json key ("temperature"); so can this one.
    for (const [key, fullName] of Object.entries(result.datastreamKeys)) {
      if (fullName.startsWith(`${this.system}.`)) this.resolved.set(key, fullName);
    }
    return result;
  }

  /** Connects the producer now (produce() does it on first use), so bad credentials show at start. */
  async connect(): Promise<void> {
    await this.producer();
  }

  /**
   * Queues an observation of one of the client's datastreams (full name, `thing.datastream`, or the datastream's own
   * name when unique in the system). Resolves when the record is buffered, waiting while the buffer is full; the
   * result is coerced to the datastream's type or refused with an SdkError naming datastream and value.
   */
  produce(datastream: string, result: unknown, options: ProduceOptions = {}): Promise<void> {
    // Known datastream, producer ready: no await on the way, since this runs once per record.
    const known = this.resolved.get(datastream);
    const info = known === undefined ? undefined : this.catalog.peek(known);
    if (info && this.batcher && !this.closed) {
      try {
        return this.batcher.add(this.observation(info, result, options));
      } catch (error) {
        return Promise.reject(error);
      }
    }
    return this.produceFirst(datastream, result, options);
  }

  private async produceFirst(datastream: string, result: unknown, options: ProduceOptions): Promise<void> {
    this.assertOpen();
    const info = await this.resolve(datastream);
    const message = this.observation(info, result, options);
    await (await this.producerBatcher()).add(message);
  }

  // The message timestamp is the record's phenomenon time: history reads find a range through the broker's time index.
  private observation(info: DatastreamInfo, result: unknown, options: ProduceOptions) {
    const { value, timestampMs } = observationMessage(info, result, options);
    const topic = systemTopics(this.system).int;
    return timestampMs === undefined
      ? { topic, key: info.fullName, value, headers: this.headers }
      : { topic, key: info.fullName, value, headers: this.headers, timestamp: timestampMs };
  }

  /** Writes a line to the system's `.log` topic: `{ time, level, client, message }`, key = the principal. */
  async log(level: LogLevel, message: string): Promise<void> {
    this.assertOpen();
    if (!logLevels.has(level))
      throw new SdkError("invalid-value", `log level "${level}" is not debug, info, warn or error`);
    const value = JSON.stringify({
      time: parseTime(new Date()),
      level,
      client: this.principal,
      message: String(message),
    });
    await (await this.producerBatcher()).add({ topic: systemTopics(this.system).log, key: this.principal, value });
  }

  /** Resolves when everything produced or logged so far is acknowledged by Kafka. */
  async flush(): Promise<void> {
    await this.batcher?.flush();
  }

  /**
   * Which datastreams consume(), replay() and tail() deliver: patterns with `*` (see subscription-pattern.ts), or the
   * reference platform's `{ "subscribed_datastreams": [...] }`. Without a subscription every record comes out.
   */
  subscribe(patterns: readonly string[] | { subscribed_datastreams: string[] }): void {
    this.filter = new SubscriptionFilter(parseSubscriptions(patterns));
  }

  /**
   * The records of the system's `.int` and `.ext` as the client's consumer group `<system>.<client>` receives them,
   * resuming from the group's committed position; `from` moves the group to a time first.
   */
  consume(options: { from?: TimeInput } = {}): AsyncIterableIterator<RheiRecord, undefined> {
    this.assertOpen();
    const subscription = new GroupSubscription(this.kafka, {
      groupId: clientGroup(this.principal),
      topics: systemDataTopics(this.system),
      pipeline: this.pipeline,
      maxBufferedRecords: this.options.consumer?.maxBufferedRecords ?? 5000,
      commitIntervalMs: this.options.consumer?.commitIntervalMs ?? 1000,
      fromBeginning: (this.options.consumer?.startFrom ?? "earliest") === "earliest",
      fromTimeMs: options.from === undefined ? undefined : brokerTimeMs(options.from),
      onDelivered: () => this.counts.consumed++,
      onClosed: () => this.subscriptions.delete(subscription),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** The records of [from, to) by broker time in `.int` and `.ext`, read without the group (the live consumer keeps its partitions). */
  replay(
    from: TimeInput,
    to: TimeInput,
    options: { onProgress?: (p: RangeProgress) => void; signal?: AbortSignal } = {},
  ) {
    this.assertOpen();
    const [fromMs, toMs] = [brokerTimeMs(from), brokerTimeMs(to)];
    if (toMs <= fromMs) throw new SdkError("invalid-time", "replay: `to` must be after `from`");
    return this.counted(
      rangeRecords(this.kafka, {
        topics: systemDataTopics(this.system),
        fromMs,
        toMs,
        pipeline: this.pipelineFor(false),
        ...options,
      }),
    );
  }

  /** Follows `.int` and `.ext` from `from` (default now) without the group, until `signal` aborts. */
  tail(options: { from?: TimeInput; signal?: AbortSignal } = {}) {
    this.assertOpen();
    const fromMs = options.from === undefined ? Date.now() : brokerTimeMs(options.from);
    return this.counted(
      rangeRecords(this.kafka, {
        topics: systemDataTopics(this.system),
        fromMs,
        follow: true,
        pipeline: this.pipelineFor(false),
        signal: options.signal,
      }),
    );
  }

  /** Flushes and disconnects; ends running consume() loops after committing what they delivered. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const failures: unknown[] = [];
    await Promise.all([...this.subscriptions].map((s) => s.close().catch((e: unknown) => failures.push(e))));
    await this.batcher?.close().catch((e: unknown) => failures.push(e));
    await this.rejections?.flush().catch(() => undefined); // counted in stats.rejectionsUnreported when it fails
    this.rejections?.close();
    if (this.kafkaProducer)
      await (await this.kafkaProducer.catch(() => undefined))?.disconnect().catch(() => undefined);
    if (failures.length > 0) throw failures[0];
  }

  private async *counted(records: AsyncGenerator<RheiRecord, void, undefined>) {
    for await (const r of records) {
      this.counts.consumed++;
      yield r;
    }
  }

  // Rejections seen live are reported to the console; a replay or tail re-reads history that the live consumer
  // already reported, so those go to the hook and the count only.
  private pipelineFor(report: boolean): RecordPipeline {
    return new RecordPipeline({
      catalog: this.catalog,
      filter: () => this.filter,
      legacyDatastreamIds: this.options.legacyDatastreamIds,
      onRejected: (rejection: RejectedRecord) => {
        this.counts.rejected++;
        if (report) this.rejections?.add(rejection);
        this.options.onRejected?.(rejection);
      },
    });
  }

  // What produce() was called with → the full name it means, so a short name is resolved once, not per record.
  private readonly resolved = new Map<string, string>();

  private async resolve(datastream: string): Promise<DatastreamInfo> {
    const info = await resolveDatastream(this.catalog, this.system, datastream);
    if (!info.fullName.startsWith(`${this.system}.`)) {
      throw new SdkError(
        "invalid-value",
        `"${info.fullName}" is not a datastream of ${this.system}; a client produces only its own`,
      );
    }
    this.resolved.set(datastream, info.fullName); // only the client's own datastreams are remembered
    return info;
  }

  private consoleApi(what: string): ConsoleApi {
    if (!this.api) throw new SdkError("invalid-option", `${what} needs the console's URL (option "console")`);
    return this.api;
  }

  private assertOpen(): void {
    if (this.closed) throw new SdkError("closed", "the client is closed");
  }

  private producer(): Promise<KafkaProducer> {
    this.kafkaProducer ??= KafkaProducer.connect(this.kafka, {
      idempotent: this.options.producer?.idempotent ?? true,
    }).catch((error: unknown) => {
      this.kafkaProducer = undefined;
      throw sdkErrorFromKafka(error, `connecting as ${this.principal}`);
    });
    return this.kafkaProducer;
  }

  private async producerBatcher(): Promise<BatchingProducer> {
    const producer = await this.producer();
    this.batcher ??= new BatchingProducer((batch) => producer.send(batch), {
      lingerMs: this.options.producer?.lingerMs,
      maxBatchRecords: this.options.producer?.maxBatchRecords,
      maxBufferedRecords: this.options.producer?.maxBufferedRecords,
    });
    return this.batcher;
  }
}
