// What an app keeps of a decoded record: its source system's grant terms first (an own system lets everything
// through), then the app's query. Pure, so the worker and the tests judge records alike.
import { compileQuery, createStats, type FilterStats, type Query } from "../../filter-language";
import type { RheiRecord } from "../../sdk/rhei-record";
import { toFilterRecord } from "../filter-record";
import { type ReadableSystem, type RecordGate, sourceGate } from "../source-plan";

export interface SelectionStats extends FilterStats {
  /** Records of a source that no grant in force lets the app read (never written, never shown). */
  withheld: number;
}

export function createSelectionStats(): SelectionStats {
  return { ...createStats(), withheld: 0 };
}

export type RecordSelector = (record: RheiRecord, stats: SelectionStats) => boolean;

export function createRecordSelector(query: Query, sources: readonly ReadableSystem[]): RecordSelector {
  const compiled = compileQuery(query);
  const gates = new Map<string, RecordGate>(sources.map((s) => [s.name, sourceGate(s)]));
  return (record, stats) => {
    const fr = toFilterRecord(record);
    const system = fr.name.split(".", 4).join(".");
    const gate = gates.get(system);
    if (!gate?.(fr.name, () => fr)) {
      stats.withheld++;
      return false;
    }
    return compiled.test(fr, stats);
  };
}
