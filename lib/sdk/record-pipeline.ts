import { createLogger } from "../log";
import { topicOwner } from "../topology/system-topics";
import type { DatastreamCatalog } from "./datastream-catalog";
import type { DatastreamInfo } from "./datastream-info";
import { fitsAsIs, tryCoerceResult } from "./observation-types";
import { type DecodeOptions, decodeValue } from "./record-format";
import { type RejectedRecord, rejectRecord } from "./rejected-record";
import type { RheiRecord } from "./rhei-record";
import { isFullDatastreamName, type SubscriptionFilter } from "./subscription-pattern";

const log = createLogger("sdk");

export interface RawMessage {
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
}

export interface PipelineOptions extends DecodeOptions {
  catalog: DatastreamCatalog;
  /** The current subscription; undefined lets every record through. */
  filter: () => SubscriptionFilter | undefined;
  onRejected: (rejection: RejectedRecord) => void;
}

/** What a run needs to know of one datastream, looked up once per run rather than once per record. */
interface Known {
  info: DatastreamInfo | undefined;
  label: RheiRecord["datastream"];
}

/** A name the catalog confirmed it does not know (on a topic where that makes the record refused). */
const UNKNOWN: Known = Object.freeze({ info: undefined, label: Object.freeze({ name: "", fullName: "" }) });

/**
 * The prefix every datastream name on `topic` must have, when the topic binds its records to one system: on
 * `<system>.int` (written by that system's clients, and only them) a record counts only as data of `<system>`'s
 * datastreams, so a client cannot pass off records as another system's. `.ext` holds what stream apps deliver from
 * other systems (only they may write it), so any name goes there.
 */
export function provenancePrefix(topic: string): string | undefined {
  const owner = topicOwner(topic);
  return owner?.kind === "int" ? `${owner.system}.` : undefined;
}

/** Why a record named `name` (with message key `key`) cannot count as data on its topic, or undefined. */
export function provenanceProblem(topic: string, prefix: string | undefined, name: string, key: string | undefined) {
  if (prefix !== undefined && !name.startsWith(prefix)) {
    return `names a datastream of another system: records on ${topic} count only as data of ${prefix.slice(0, -1)}`;
  }
  if (key !== undefined && isFullDatastreamName(key) && key !== name) {
    return `its message key names ${key} but the record names ${name}`;
  }
  return undefined;
}

/**
 * Messages of one partition → records: decoded in any of the three formats, filtered by the subscription, checked
 * against the datastream's type when the catalog knows it, enriched with name, unit and type. A message that fails
 * any step goes to onRejected with the reason; one of a datastream outside the subscription is skipped (by its key
 * when the key is a full name, so unsubscribed data is not even parsed).
 */
export class RecordPipeline {
  private catalogWarned = false;

  constructor(private readonly options: PipelineOptions) {}

  async process(topic: string, partition: number, messages: readonly RawMessage[]): Promise<RheiRecord[]> {
    const filter = this.options.filter();
    const prefix = provenancePrefix(topic);
    const runAt = Date.now();
    // Per run: name → what the catalog says of it. A new map for each run, so a catalog that learns (register(), a
    // reload) is asked again soon, while a run of 500 records of 10 datastreams costs 10 lookups, not 500.
    const known = new Map<string, Known>();
    const isKnownName = (name: string) => known.has(name) || isFullDatastreamName(name);
    const records: RheiRecord[] = [];
    for (const m of messages) {
      const key = m.key === null ? undefined : m.key.toString("utf8");
      // Unsubscribed data is skipped unparsed, unless its key already says it is not this topic's to hold: that
      // one is decoded and rejected below, whoever subscribed to what.
      if (filter && key !== undefined && isFullDatastreamName(key) && !filter.matches(key)) {
        if (prefix === undefined || key.startsWith(prefix)) continue;
      }
      const r = decodeValue(m.value, this.options, isKnownName);
      if ("refused" in r) {
        this.options.onRejected(
          rejectRecord(r.refused, m.value, { topic, partition, offset: m.offset }, r.claimedName),
        );
        continue;
      }
      const forged = provenanceProblem(topic, prefix, r.name, key);
      if (forged) {
        this.options.onRejected(rejectRecord(forged, m.value, { topic, partition, offset: m.offset }, r.name));
        continue;
      }
      let ds = known.get(r.name);
      if (ds === undefined) {
        if (filter && !filter.matches(r.name)) continue;
        const info = this.options.catalog.peek(r.name) ?? (await this.lookUp(r.name));
        // On its own .int a system's records must be of its registered datastreams; a name the catalog is sure
        // it does not know (it loaded after the message was read, so after it was written) is refused.
        const unknown = info === undefined && prefix !== undefined && (await this.confirmUnknown(r.name, runAt));
        ds = unknown ? UNKNOWN : this.knownFor(r.name, info);
        known.set(r.name, ds);
      }
      if (ds === UNKNOWN) {
        this.options.onRejected(
          rejectRecord(
            `unknown datastream: ${r.name} is not registered in ${(prefix ?? "").slice(0, -1)}`,
            m.value,
            { topic, partition, offset: m.offset },
            r.name,
          ),
        );
        continue;
      }
      const info = ds.info;
      let result = r.result;
      if (info && !fitsAsIs(info.observationType, result)) {
        const coerced = tryCoerceResult(r.name, info, result);
        if (!coerced.ok) {
          this.options.onRejected(rejectRecord(coerced.error, m.value, { topic, partition, offset: m.offset }, r.name));
          continue;
        }
        result = coerced.value;
      }
      const record: RheiRecord = {
        datastream: ds.label,
        observationType: info?.observationType,
        unit: info?.unit,
        phenomenonTime: r.phenomenonTime,
        resultTime: r.resultTime,
        result,
        topic,
        partition,
        offset: m.offset,
        format: r.format,
        attributes: r.attributes,
      };
      records.push(record);
    }
    return records;
  }

  // One frozen {name, fullName} per datastream, shared by its records, rather than one per record.
  private readonly labels = new Map<string, RheiRecord["datastream"]>();

  private knownFor(fullName: string, info: DatastreamInfo | undefined): Known {
    let label = this.labels.get(fullName);
    const name = info?.name ?? fullName.slice(fullName.lastIndexOf(".") + 1);
    if (label?.name !== name) {
      label = Object.freeze({ name, fullName });
      if (this.labels.size >= 100_000) this.labels.clear(); // bounded, whatever names a topic holds
      this.labels.set(fullName, label);
    }
    return { info, label };
  }

  private async confirmUnknown(name: string, readAt: number): Promise<boolean> {
    const confirm = this.options.catalog.confirmUnknown;
    if (!confirm) return false;
    try {
      return await confirm.call(this.options.catalog, name, readAt);
    } catch {
      return false; // the catalog cannot answer: the record comes out untyped (lookUp said so once)
    }
  }

  // A name the catalog does not know yet: ask it (it rate-limits its reloads); if it cannot answer, the record still
  // comes out, untyped, and the failure is said once rather than once per record.
  private async lookUp(name: string): Promise<DatastreamInfo | undefined> {
    try {
      return await this.options.catalog.get(name);
    } catch (error) {
      if (!this.catalogWarned) {
        this.catalogWarned = true;
        log.warn("the datastream catalog is unavailable; records of unknown datastreams come out untyped", {
          error: (error as Error).message,
        });
      }
      return undefined;
    }
  }
}
