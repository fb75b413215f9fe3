import type { Query } from "./ast";

// FROM entries name source systems, `domain.enterprise.workcenter.station`, where any level may be `*`; a lone
// `*` selects every system. Levels are matched exactly (case-sensitive), whole levels only.

export const SYSTEM_LEVELS = 4;
const LEVEL = /^[A-Za-z0-9-]{1,63}$/;

/** Why `pattern` is not a system name or pattern, or null when it is one. */
export function systemPatternProblem(pattern: string): string | null {
  if (pattern === "*") return null;
  const levels = pattern.split(".");
  if (levels.length !== SYSTEM_LEVELS) {
    const extra = levels.length === 6 ? "; to select one datastream, add WHERE name = '…'" : "; use * for any level";
    return `a system has ${SYSTEM_LEVELS} levels (domain.enterprise.workcenter.station), this has ${levels.length}${extra}`;
  }
  for (const level of levels) {
    if (level === "*" || LEVEL.test(level)) continue;
    if (level === "") return "a level is empty";
    if (level.includes("*")) return `'*' stands for a whole level, not part of '${level}'`;
    return `the level '${level}' may only have letters A–Z a–z, digits 0–9 and '-' (1–63 characters)`;
  }
  return null;
}

/** Whether a system name (four levels) matches a pattern (assumed valid). */
export function matchesSystemPattern(pattern: string, systemName: string): boolean {
  if (pattern === "*") return true;
  if (!pattern.includes("*")) return pattern === systemName;
  const want = pattern.split(".");
  const have = systemName.split(".");
  if (have.length !== want.length) return false;
  for (let i = 0; i < want.length; i++) if (want[i] !== "*" && want[i] !== have[i]) return false;
  return true;
}

/** The system (first four levels) of a datastream's full name. */
export function systemOf(fullName: string): string {
  return fullName.split(".").slice(0, SYSTEM_LEVELS).join(".");
}

/** Whether any FROM entry of the query matches a system name. */
export function sourceMatches(query: Query, systemName: string): boolean {
  return query.sources.some((s) => matchesSystemPattern(s.pattern, systemName));
}
