// What an app keeps of a decoded record: its source system's grant terms first (an own system lets everything
// through), then the app's query. Pure, so the worker and the tests judge records alike.
import { compileQuery, createStats, type FilterStats, type Query } from "../../filter-language";
import type { RheiRecord } from "../../sdk/rhei-record";
import { RecordView } from "../filter-record";
import { type ReadableSystem, sourceGate } from "../source-plan";

export interface SelectionStats extends FilterStats {
  /** Records of a source that no grant in force lets the app read (never written, never shown). */
  withheld: number;
}

export function createSelectionStats(): SelectionStats {
  return { ...createStats(), withheld: 0 };
}

/** The selected record's view (its phenomenon time parsed once, for the output's timestamp), or undefined. */
export type RecordSelector = (record: RheiRecord, stats: SelectionStats) => RecordView | undefined;

/**
 * The selector of one source system's records (a partition task reads one source topic, whose records provenance
 * binds to that system, so its grant gate is chosen once, not per record).
 */
export function createRecordSelector(query: Query, source: ReadableSystem): RecordSelector {
  const compiled = compileQuery(query);
  const gate = sourceGate(source);
  const open = source.own;
  return (record, stats) => {
    const view = new RecordView(record);
    if (!open && !gate(view.name, () => view)) {
      stats.withheld++;
      return undefined;
    }
    return compiled.test(view, stats) ? view : undefined;
  };
}
