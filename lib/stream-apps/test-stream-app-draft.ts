import "server-only";
import type { Actor } from "../authz/actor";
import { authorize } from "../authz/authorize";
import { ConsoleDatastreamCatalog } from "../datastreams/console-datastream-catalog";
import { explainSelection } from "../filter-language";
import { consoleKafkaConfig } from "../kafka/console-connection";
import { toKafkaError } from "../kafka/errors";
import { readLastRecords } from "../kafka/read-last";
import { RecordPipeline } from "../sdk/record-pipeline";
import type { RejectedRecord } from "../sdk/rejected-record";
import { systemTopics } from "../topology/system-topics";
import { parseInput } from "../validation";
import { ownTargetSystem } from "./app-access";
import { checkDefinition } from "./check-definition";
import { toFilterRecord } from "./filter-record";
import { type TestDraftInput, testDraftSchema } from "./schemas";
import { type ReadableSystem, sourceGate } from "./source-plan";

/** Records shown at most, newest first. */
const MAX_SHOWN = 500;

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? "null";
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/**
 * Runs a draft query on its sources' newest records (a bounded read: a few per partition, a few seconds at most)
 * and says for each whether it passes and, if not, why. Records a grant does not let the company see are never
 * shown (only counted), so testing reveals nothing an app could not read.
 */
export async function testStreamAppDraft({
  actor,
  companyId,
  input,
}: {
  actor: Actor;
  companyId: string;
  input: TestDraftInput;
}) {
  await authorize(actor, "stream-app.manage", { companyId, what: "Company" });
  const data = parseInput(testDraftSchema, input);
  const target = await ownTargetSystem(companyId, data.targetSystemId);
  const check = await checkDefinition({ companyId, targetSystemId: target.id, query: data.query });
  const summary = { ok: check.ok, errors: check.errors, warnings: check.warnings };
  if (!check.query) return { check: summary, read: 0, withheld: 0, rejected: [], records: [], unavailable: undefined };
  const query = check.query;
  const topics = new Map<string, ReadableSystem>(check.sources.map((s) => [systemTopics(s.name).int, s]));
  let raw: Awaited<ReturnType<typeof readLastRecords>>;
  try {
    raw = await readLastRecords(consoleKafkaConfig({ clientId: "rhei-console-test-query" }), [...topics.keys()], {
      perPartition: data.perPartition,
    });
  } catch (error) {
    // Kafka away, or a source's topic not created yet: the check still stands; say why there are no records.
    const unavailable = toKafkaError(error, "reading the sources' newest records").message;
    return { check: summary, read: 0, withheld: 0, rejected: [], records: [], unavailable };
  }
  const catalog = new ConsoleDatastreamCatalog();
  const rejected: RejectedRecord[] = [];
  const pipeline = new RecordPipeline({ catalog, filter: () => undefined, onRejected: (r) => rejected.push(r) });
  const records: {
    name: string;
    phenomenonTime: string;
    result: string;
    selected: boolean;
    reason: string;
    topic: string;
    partition: number;
    offset: string;
  }[] = [];
  let withheld = 0;
  try {
    const byPartition = new Map<string, typeof raw>();
    for (const m of raw)
      byPartition.set(`${m.topic}#${m.partition}`, [...(byPartition.get(`${m.topic}#${m.partition}`) ?? []), m]);
    for (const messages of byPartition.values()) {
      const first = messages[0];
      if (!first) continue;
      const source = topics.get(first.topic);
      if (!source) continue;
      const gate = sourceGate(source);
      for (const r of await pipeline.process(first.topic, first.partition, messages)) {
        const fr = toFilterRecord(r);
        if (!gate(fr.name, () => fr)) {
          withheld++;
          continue;
        }
        const e = explainSelection(query, fr);
        records.push({
          name: r.datastream.fullName,
          phenomenonTime: r.phenomenonTime,
          result: preview(r.result),
          selected: e.selected,
          reason: e.reason,
          topic: r.topic,
          partition: r.partition,
          offset: r.offset,
        });
      }
    }
  } finally {
    await catalog.close();
  }
  records.sort((a, b) => (a.phenomenonTime < b.phenomenonTime ? 1 : a.phenomenonTime > b.phenomenonTime ? -1 : 0));
  return {
    check: summary,
    read: raw.length,
    withheld,
    rejected: rejected
      .slice(0, 50)
      .map((r) => ({ reason: r.reason, topic: r.topic, partition: r.partition, offset: r.offset })),
    records: records.slice(0, MAX_SHOWN),
    unavailable: undefined as string | undefined,
  };
}
export type DraftTest = Awaited<ReturnType<typeof testStreamAppDraft>>;
