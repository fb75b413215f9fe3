import type { Query } from "./ast";
import { compileTest } from "./compile-expression";
import { createStats, type FilterRecord, type FilterStats, nameLevel, type TestFn } from "./runtime";
import { sourceMatches } from "./system-pattern";

/** A query ready to run on records. */
export interface CompiledQuery {
  readonly query: Query;
  /** Whether FROM selects a source system (`domain.enterprise.workcenter.station`). */
  matchesSystem(systemName: string): boolean;
  /** Whether the query selects a record: its system is in FROM and WHERE holds. Never throws; counts into stats. */
  test(record: FilterRecord, stats?: FilterStats): boolean;
}

function systemOfRecord(record: FilterRecord): string | undefined {
  return typeof record.system === "string" ? record.system : nameLevel(record.name, "system");
}

/**
 * Compiles a query (best after checkQuery found no errors) into closures. Compiling does not throw for any tree
 * the parser builds; what the checker would refuse simply never matches at run time.
 */
export function compileQuery(query: Query): CompiledQuery {
  const where: TestFn = query.where ? compileTest(query.where) : () => true;
  const everySystem = query.sources.some((s) => s.pattern === "*");
  const matchesSystem = (systemName: string) => everySystem || sourceMatches(query, systemName);
  // Whether FROM holds depends on the name alone (and `system`, if the record says it): remembered per name, since a
  // partition interleaves a handful of datastreams. Bounded, whatever names come.
  const byName = new Map<unknown, boolean>();
  const fromHolds = (record: FilterRecord): boolean => {
    if (everySystem) return true;
    if (record.system !== undefined) {
      const system = systemOfRecord(record);
      return system !== undefined && matchesSystem(system);
    }
    let match = byName.get(record.name);
    if (match === undefined) {
      const system = systemOfRecord(record);
      match = system !== undefined && matchesSystem(system);
      if (byName.size >= 10_000) byName.clear();
      byName.set(record.name, match);
    }
    return match;
  };
  const scratch = createStats();
  return {
    query,
    matchesSystem,
    test(record, stats = scratch) {
      stats.evaluated++;
      if (record === null || typeof record !== "object") {
        stats.typeMismatch++;
        return false;
      }
      try {
        const selected = fromHolds(record) && where(record, stats);
        if (selected) stats.selected++;
        return selected;
      } catch {
        stats.internalError++;
        return false;
      }
    },
  };
}

const cache = new WeakMap<Query, CompiledQuery>();

/** Whether `query` selects `record` (compiled once per query object and cached). */
export function evaluate(query: Query, record: FilterRecord, stats?: FilterStats): boolean {
  let compiled = cache.get(query);
  if (compiled === undefined) {
    compiled = compileQuery(query);
    cache.set(query, compiled);
  }
  return compiled.test(record, stats);
}
