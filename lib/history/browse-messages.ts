import "server-only";
import type { Actor } from "../authz/actor";
import { invalid } from "../errors";
import { consoleKafkaConfig } from "../kafka/console-connection";
import { type FetchedRecord, PartitionReader, type StartAt } from "../kafka/partition-reader";
import { RecordPipeline } from "../sdk/record-pipeline";
import type { RheiRecord } from "../sdk/rhei-record";
import { getSystem } from "../systems/get-system";
import { systemTopics } from "../topology/system-topics";
import { parseInput } from "../validation";
import { recordTopicBrowse } from "./audit-history-access";
import { historyCatalog, reportRejection } from "./history-settings";
import { type BrowsedMessage, type MessagesPage, messagesQuerySchema } from "./messages-schemas";
import { parseTimePoint } from "./time-range";

/** Messages one answer looks through at most (a key search says how many it did). */
export const MAX_SCANNED = 50_000;
/** Characters of a message's value shown at most. */
const MAX_VALUE_CHARS = 10_000;

const positionsText = (positions: Map<number, bigint>) =>
  [...positions]
    .sort(([a], [b]) => a - b)
    .map(([p, o]) => `${p}:${o}`)
    .join(",");

function parsePositions(text: string): Map<number, bigint> {
  const out = new Map<number, bigint>();
  for (const part of text.split(",")) {
    const m = /^(\d{1,4}):(\d{1,19})$/.exec(part.trim());
    if (!m)
      throw invalid('"after" must be <partition>:<offset>, comma-separated', { after: ["<partition>:<offset>,…"] });
    out.set(Number(m[1]), BigInt(m[2] as string));
  }
  return out;
}

function shown(m: FetchedRecord, record: RheiRecord | undefined, rejected: string | undefined): BrowsedMessage {
  const text = m.value === null ? null : m.value.toString("utf8");
  return {
    partition: m.partition,
    offset: m.offset,
    timestamp: new Date(m.timestamp).toISOString(),
    key: m.key === null ? null : m.key.toString("utf8").slice(0, 500),
    value: text === null ? null : text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS)}…` : text,
    ...(record
      ? {
          record: {
            datastream: record.datastream.fullName,
            phenomenonTime: record.phenomenonTime,
            result: record.result,
            unit: record.unit?.symbol ?? null,
            format: record.format,
          },
        }
      : {}),
    ...(rejected ? { rejected } : {}),
  };
}

/** The page's messages through the record pipeline, per partition in offset order: records, and why not. */
async function decode(topic: string, page: readonly FetchedRecord[]) {
  const records = new Map<string, RheiRecord>();
  const rejected = new Map<string, string>();
  const pipeline = new RecordPipeline({
    catalog: historyCatalog(),
    filter: () => undefined,
    onRejected: (r) => {
      rejected.set(`${r.partition}:${r.offset}`, r.reason);
      reportRejection(r);
    },
  });
  const byPartition = new Map<number, FetchedRecord[]>();
  for (const m of page) byPartition.set(m.partition, [...(byPartition.get(m.partition) ?? []), m]);
  for (const [partition, run] of byPartition) {
    run.sort((a, b) => (BigInt(a.offset) < BigInt(b.offset) ? -1 : 1));
    for (const r of await pipeline.process(topic, partition, run)) records.set(`${r.partition}:${r.offset}`, r);
  }
  return { records, rejected };
}

/**
 * A Kafka console's view of one of a system's topics (admins and engineers: `topic.browse`): its messages from a
 * broker time (the earliest `limit` across partitions), from an offset of one partition, only those with a key,
 * or, for a live tail, those after the positions of an earlier answer (`tail` answers the end positions). Data
 * messages are decoded by the record pipeline, with their datastream, or shown with why they are no record. Bounded:
 * `limit` messages, MAX_SCANNED looked through. Written to the audit log (a tail when it starts, not each poll).
 */
export async function browseMessages({
  actor,
  systemId,
  query,
  now = Date.now(),
}: {
  actor: Actor;
  systemId: string;
  query: unknown;
  now?: number;
}): Promise<MessagesPage> {
  const input = parseInput(messagesQuerySchema, query ?? {});
  const system = await getSystem({ actor, systemId, action: "topic.browse" });
  const topic = systemTopics(system.name)[input.topic];
  if (input.offset !== undefined && input.partition === undefined) {
    throw invalid('"offset" needs "partition"', { partition: ["required with offset"] });
  }
  const after = input.after === undefined ? undefined : parsePositions(input.after);
  let fromTime: number | undefined;
  if (!after && input.offset === undefined && !input.tail) {
    const parsed = parseTimePoint("from", input.from ?? "now-1h", now);
    if (!parsed.ok) throw invalid(parsed.message, { from: [parsed.message] });
    fromTime = parsed.t;
  }
  const empty = (positions: string, notProvisioned: boolean): MessagesPage => ({
    topic,
    messages: [],
    positions,
    scanned: 0,
    more: false,
    notProvisioned,
  });
  const reader = PartitionReader.open(consoleKafkaConfig({ clientId: "rhei-messages" }));
  try {
    if ((await reader.existing([topic])).length === 0) return empty("", true);
    const ends = (await reader.offsetsFor([topic], "latest")).get(topic) ?? [];
    const endPositions = new Map(ends.map((o, p) => [p, o]));
    if (input.tail) {
      await recordTopicBrowse(actor, system.companyId, topic, { view: "tail" });
      return empty(positionsText(endPositions), false);
    }
    if (input.partition !== undefined && input.partition >= ends.length) {
      throw invalid(`${topic} has partitions 0 to ${ends.length - 1}`, { partition: [`0 to ${ends.length - 1}`] });
    }
    const startOf = (p: number): StartAt => {
      if (after) return { offset: after.get(p) ?? ends[p] ?? 0n };
      if (input.offset !== undefined) return { offset: p === input.partition ? BigInt(input.offset) : (ends[p] ?? 0n) };
      return { timeMs: fromTime ?? now };
    };
    const started = new Map(
      (
        await reader.add(
          [topic],
          (_t, p) => startOf(p),
          (_t, p) => ends[p],
        )
      ).map((p) => [p.partition, p.position]),
    );
    const limit = input.limit;
    const kept = new Map<number, FetchedRecord[]>();
    const full = (p: number) => (kept.get(p)?.length ?? 0) >= limit;
    let scanned = 0;
    let idle = 0;
    let dropped = false;
    while (!reader.done && scanned < MAX_SCANNED && idle < 3) {
      const fetched = await reader.fetch({ maxWaitMs: 0, maxBytesPerPartition: 256 * 1024, only: (_t, p) => !full(p) });
      idle = fetched.length === 0 ? idle + 1 : 0;
      for (const m of fetched) {
        scanned++;
        if (full(m.partition)) {
          dropped = true;
          continue;
        }
        if (input.key !== undefined && m.key?.toString("utf8") !== input.key) continue;
        kept.set(m.partition, [...(kept.get(m.partition) ?? []), m]);
      }
      if (
        ends.every(
          (_, p) => full(p) || (reader.positions().find((x) => x.partition === p)?.position ?? 0n) >= (ends[p] ?? 0n),
        )
      ) {
        break;
      }
    }
    const all = [...kept.values()].flat().sort((a, b) => a.timestamp - b.timestamp || a.partition - b.partition);
    const page = all.slice(0, limit);
    const cut = dropped || all.length > limit;
    const more = cut || !reader.done;
    // Where each partition stands after what is shown (a tail polls on from there, "load more" too): past all it
    // read, unless messages were read and not shown; then right after the last one shown.
    const positions = new Map(reader.positions().map((p) => [p.partition, p.position]));
    if (cut) {
      for (const [p, at] of started) positions.set(p, at);
      for (const m of page) {
        const next = BigInt(m.offset) + 1n;
        if (next > (positions.get(m.partition) ?? 0n)) positions.set(m.partition, next);
      }
    }
    if (!after) {
      await recordTopicBrowse(actor, system.companyId, topic, {
        messages: page.length,
        ...(fromTime !== undefined ? { from: new Date(fromTime).toISOString() } : {}),
        ...(input.offset !== undefined ? { partition: input.partition, offset: input.offset } : {}),
        ...(input.key !== undefined ? { key: input.key } : {}),
      });
    }
    const decoded = input.topic === "log" ? undefined : await decode(topic, page);
    return {
      topic,
      messages: page.map((m) =>
        shown(
          m,
          decoded?.records.get(`${m.partition}:${m.offset}`),
          decoded?.rejected.get(`${m.partition}:${m.offset}`),
        ),
      ),
      positions: positionsText(positions),
      scanned,
      more,
      notProvisioned: false,
    };
  } finally {
    await reader.close();
  }
}
