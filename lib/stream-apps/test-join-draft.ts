import "server-only";
import type { Actor } from "../authz/actor";
import { authorize } from "../authz/authorize";
import { ConsoleDatastreamCatalog } from "../datastreams/console-datastream-catalog";
import { parseQuery, sourceMatches } from "../filter-language";
import { IntervalJoin } from "../join/interval-join";
import type { JoinPair, JoinRecord } from "../join/types";
import { consoleKafkaConfig } from "../kafka/console-connection";
import { toKafkaError } from "../kafka/errors";
import { readLastRecords } from "../kafka/read-last";
import { RecordPipeline } from "../sdk/record-pipeline";
import type { RejectedRecord } from "../sdk/rejected-record";
import { systemTopics } from "../topology/system-topics";
import { parseInput } from "../validation";
import { ownTargetSystem } from "./app-access";
import { checkJoinDefinition } from "./check-join-definition";
import { createJoinOutput, createJoinOutputStats } from "./join-output";
import { type JoinPayload, joinPayload } from "./runner/join-payload";
import { createRecordSelector, createSelectionStats, type RecordSelector } from "./runner/record-selector";
import { type TestJoinDraftInput, testJoinDraftSchema } from "./schemas";

/** Pairs shown at most, newest first. */
const MAX_SHOWN = 300;

const preview = (value: unknown) => {
  const text = JSON.stringify(value) ?? "null";
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
};

const side = (input: string, p: JoinPayload): ShownSide => ({
  input,
  name: p.name,
  time: new Date(p.time).toISOString(),
  result: preview(p.result),
});

/**
 * Runs a join draft on its inputs' newest records (a bounded read: a few hundred per partition, a few seconds at
 * most): the pairs the join gives over them (as if the read were the whole stream: the last pairs are flushed), the
 * output value of each, and which ones the WHERE leaves out or have no value. Records a grant does not let the
 * company see never enter (they are counted), as in the running app.
 */
export async function testJoinDraft({
  actor,
  companyId,
  input,
}: {
  actor: Actor;
  companyId: string;
  input: TestJoinDraftInput;
}) {
  await authorize(actor, "stream-app.manage", { companyId, what: "Company" });
  const data = parseInput(testJoinDraftSchema, input);
  const target = await ownTargetSystem(companyId, data.targetSystemId);
  const check = await checkJoinDefinition({ companyId, targetSystemId: target.id, spec: data.spec });
  const summary = { ok: check.ok, errors: check.errors, warnings: check.warnings, fieldErrors: check.fieldErrors };
  const empty = {
    check: summary,
    read: 0,
    perInput: [] as number[],
    late: 0,
    notSelected: 0,
    noValue: 0,
    pairs: [] as ShownPair[],
    pairCount: 0,
    rejected: 0,
  };
  if (!check.ok) return { ...empty, unavailable: undefined as string | undefined };
  const spec = data.spec;
  // Per source topic, the inputs reading it (a topic may feed several).
  const readers = new Map<string, { input: number; select: RecordSelector }[]>();
  spec.inputs.forEach((i, index) => {
    const query = parseQuery(i.query);
    for (const s of check.sources) {
      if (!sourceMatches(query, s.name)) continue;
      const topic = systemTopics(s.name).int;
      readers.set(topic, [...(readers.get(topic) ?? []), { input: index, select: createRecordSelector(query, s) }]);
    }
  });
  let raw: Awaited<ReturnType<typeof readLastRecords>>;
  try {
    raw = await readLastRecords(consoleKafkaConfig({ clientId: "rhei-console-test-join" }), [...readers.keys()], {
      perPartition: data.perPartition,
    });
  } catch (error) {
    return { ...empty, unavailable: toKafkaError(error, "reading the inputs' newest records").message };
  }
  const catalog = new ConsoleDatastreamCatalog();
  const rejected: RejectedRecord[] = [];
  const pipeline = new RecordPipeline({ catalog, filter: () => undefined, onRejected: (r) => rejected.push(r) });
  const join = new IntervalJoin<JoinPayload>({
    inputs: spec.inputs.map((i) => i.name),
    toleranceMs: spec.toleranceMs,
    allowedLatenessMs: spec.allowedLatenessMs,
    mode: spec.mode,
  });
  const pairs: JoinPair<JoinPayload>[] = [];
  const perInput = spec.inputs.map(() => 0);
  let late = 0;
  try {
    const byPartition = new Map<string, typeof raw>();
    for (const m of raw) {
      const key = `${m.topic}#${m.partition}`;
      byPartition.set(key, [...(byPartition.get(key) ?? []), m]);
    }
    const stats = createSelectionStats();
    const fed: JoinRecord<JoinPayload>[] = [];
    for (const [key, messages] of byPartition) {
      const first = messages[0];
      const list = first ? readers.get(first.topic) : undefined;
      if (!first || !list) continue;
      list.forEach((r) => {
        join.assignPartitions(r.input, [`${spec.inputs[r.input]?.name}:${key}`]);
      });
      for (const record of await pipeline.process(first.topic, first.partition, messages)) {
        for (const r of list) {
          const view = r.select(record, stats);
          if (!view || !Number.isFinite(view.time)) continue;
          perInput[r.input] = (perInput[r.input] ?? 0) + 1;
          fed.push({
            input: r.input,
            partition: `${spec.inputs[r.input]?.name}:${key}`,
            offset: record.offset,
            time: view.time,
            payload: joinPayload(view),
          });
        }
      }
    }
    const step = join.pushAll(fed);
    late = step.late.length;
    pairs.push(...step.pairs, ...join.flushAll().pairs);
  } finally {
    await catalog.close();
  }
  const info = {
    name: spec.output.datastream,
    fullName: `${target.name}.${spec.output.thing}.${spec.output.datastream}`,
    observationType: spec.output.observationType,
    unit: spec.output.unit,
  };
  const outputOf = createJoinOutput(spec.output, info);
  const outputStats = createJoinOutputStats();
  const shown = pairs.map((pair): ShownPair => {
    const before = { notSelected: outputStats.notSelected, noValue: outputStats.noValue };
    const message = outputOf(pair, outputStats);
    return {
      time: new Date(pair.time).toISOString(),
      left: side(spec.inputs[pair.leftInput]?.name ?? "", pair.left.payload),
      right: side(spec.inputs[pair.rightInput]?.name ?? "", pair.right.payload),
      value: message ? preview(message.result) : null,
      outcome: message ? "written" : outputStats.notSelected > before.notSelected ? "where" : "no-value",
    };
  });
  shown.reverse();
  return {
    check: summary,
    read: raw.length,
    perInput,
    late,
    notSelected: outputStats.notSelected,
    noValue: outputStats.noValue,
    pairs: shown.slice(0, MAX_SHOWN),
    pairCount: shown.length,
    rejected: rejected.length,
    unavailable: undefined as string | undefined,
  };
}
interface ShownSide {
  input: string;
  name: string;
  time: string;
  result: string;
}

export interface ShownPair {
  time: string;
  left: ShownSide;
  right: ShownSide;
  /** The output value as JSON, or null when the pair gives none. */
  value: string | null;
  /** Written, left out by the WHERE, or without a value (a missing path, a type the output does not take). */
  outcome: "written" | "where" | "no-value";
}

export type JoinDraftTest = Awaited<ReturnType<typeof testJoinDraft>>;
