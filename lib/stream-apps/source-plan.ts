// Which systems a stream app reads and under which terms: pure, shared by the domain's checks (create, edit,
// deploy, test), lineage, and the worker, so what is refused on save is exactly what the worker will not read.
import { compileQuery, type FilterRecord, type Query } from "../filter-language";
import { parseGrantCondition } from "../grants/grant-condition";
import { grantCovers } from "../grants/grant-state";

export interface GrantTerms {
  id: string;
  /** `thing.datastream` pattern within the source system. */
  datastreams: string;
  /** Filter-language condition ("" for none). */
  filter: string;
  endsAt: Date | null;
  sourceCompany: string;
}

/** A system an app of a company may read: one of the company's own, or one granted to it (accepted, in force). */
export interface ReadableSystem {
  id: string;
  name: string;
  companyId: string;
  own: boolean;
  /** The grants it is read under (empty for an own system); a record passes if any of them lets it. */
  grants: GrantTerms[];
}

export interface SourceSelection {
  sources: ReadableSystem[];
  /** FROM entries naming one system (no `*`) that the company may not read: what a grant would have to cover. */
  missing: { pattern: string; index: number }[];
}

/** The readable systems FROM selects, and the explicit ones it names that are not readable. */
export function selectSources(query: Query, readable: readonly ReadableSystem[]): SourceSelection {
  const compiled = compileQuery(query);
  const sources = readable.filter((s) => compiled.matchesSystem(s.name));
  const missing = query.sources
    .map((p, index) => ({ pattern: p.pattern, index }))
    .filter((p) => p.pattern !== "*" && !p.pattern.includes("*") && !readable.some((s) => s.name === p.pattern));
  return { sources, missing };
}

/** What a grant says of a record: whether the grant covers its datastream and its condition holds. */
export type RecordGate = (fullName: string, record: () => FilterRecord) => boolean;

/** The gate of a source system: everything for an own system, the union of its grants' terms otherwise. */
export function sourceGate(source: ReadableSystem): RecordGate {
  if (source.own) return () => true;
  const gates = source.grants.map((g) => {
    const covers = grantCovers(source.name, g.datastreams);
    const parsed = g.filter.trim() === "" ? undefined : parseGrantCondition(g.filter);
    // A condition that no longer parses (it was checked when offered) lets nothing through rather than everything.
    const condition = parsed === undefined ? undefined : parsed.ok ? compileQuery(parsed.query) : null;
    return (fullName: string, record: () => FilterRecord) =>
      covers(fullName) && (condition === undefined || condition?.test(record()) === true);
  });
  return (fullName, record) => gates.some((gate) => gate(fullName, record));
}

/** The earliest end of the grants a set of sources is read under (the app stops reading one there). */
export function earliestGrantEnd(sources: readonly ReadableSystem[]): Date | null {
  let first: Date | null = null;
  for (const s of sources) for (const g of s.grants) if (g.endsAt && (!first || g.endsAt < first)) first = g.endsAt;
  return first;
}
