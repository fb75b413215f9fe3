import { SdkError } from "./errors";

// A datastream's full name has six levels, domain.enterprise.workcenter.station.thing.datastream; thing and
// datastream names may contain spaces, never a dot or '*'. In a pattern, '*' alone in a level matches exactly one
// level, and a final '*' matches one or more remaining levels, so "*" alone matches every datastream and
// "cz.icecars.*" every datastream of the company cz.icecars.
export const NAME_LEVELS = 6;

export type NameMatcher = (fullName: string) => boolean;

function invalid(pattern: string, why: string): never {
  throw new SdkError("invalid-pattern", `Subscription pattern "${pattern}" is malformed: ${why}`);
}

function checkLevel(pattern: string, level: string, index: number): void {
  if (level === "") invalid(pattern, `level ${index + 1} is empty`);
  if (level === "*") return;
  if (level.includes("**"))
    invalid(pattern, `"**" is not a wildcard; use one "*" for a level (a final "*" for the rest)`);
  if (level.includes("*")) invalid(pattern, `"*" must stand alone in a level, not inside "${level}"`);
  if (level !== level.trim()) invalid(pattern, `level "${level}" starts or ends with a space`);
}

/** A matcher for one pattern; an SdkError (code "invalid-pattern") saying what is wrong with a malformed one. */
export function compilePattern(pattern: string): NameMatcher {
  if (typeof pattern !== "string") invalid(String(pattern), "not a string");
  if (pattern === "*") return () => true;
  const levels = pattern.split(".");
  if (levels.length > NAME_LEVELS) {
    invalid(pattern, `it has ${levels.length} levels; a datastream name has ${NAME_LEVELS}`);
  }
  for (const [i, level] of levels.entries()) checkLevel(pattern, level, i);
  const trailing = levels[levels.length - 1] === "*";
  if (!trailing && levels.length < NAME_LEVELS) {
    invalid(pattern, `it has ${levels.length} levels; end it with ".*" or give all ${NAME_LEVELS}`);
  }
  const fixed = trailing ? levels.slice(0, -1) : levels;
  if (!fixed.includes("*")) {
    // Without inner wildcards a prefix (or the whole name) decides: the common case, kept fast.
    if (!trailing) return (name) => name === pattern;
    const prefix = `${fixed.join(".")}.`;
    return (name) => name.startsWith(prefix) && name.length > prefix.length;
  }
  return (name) => {
    const parts = name.split(".");
    if (trailing ? parts.length <= fixed.length : parts.length !== fixed.length) return false;
    for (let i = 0; i < fixed.length; i++) if (fixed[i] !== "*" && fixed[i] !== parts[i]) return false;
    return true;
  };
}

/** A set of patterns: a name matches when any pattern does. No pattern at all matches nothing. */
export class SubscriptionFilter {
  readonly patterns: readonly string[];
  private readonly matchers: NameMatcher[];
  private readonly exact = new Set<string>();

  constructor(patterns: readonly string[]) {
    this.patterns = [...patterns];
    this.matchers = [];
    for (const p of patterns) {
      const matcher = compilePattern(p);
      if (p !== "*" && !p.includes("*")) this.exact.add(p);
      else this.matchers.push(matcher);
    }
  }

  matches(fullName: string): boolean {
    if (this.exact.has(fullName)) return true;
    for (const m of this.matchers) if (m(fullName)) return true;
    return false;
  }
}

/**
 * The patterns of a subscriptions file: the reference platform's `{"subscribed_datastreams": [...]}` or a bare
 * array of patterns. Each pattern is checked, so a typo fails here and not silently later.
 */
export function parseSubscriptions(json: unknown): string[] {
  const list = Array.isArray(json)
    ? json
    : typeof json === "object" && json !== null && "subscribed_datastreams" in json
      ? (json as { subscribed_datastreams: unknown }).subscribed_datastreams
      : undefined;
  if (!Array.isArray(list)) {
    throw new SdkError(
      "invalid-pattern",
      'A subscriptions file is {"subscribed_datastreams": ["<pattern>", …]} or an array of patterns',
    );
  }
  for (const p of list) {
    if (typeof p !== "string")
      throw new SdkError("invalid-pattern", `Subscription pattern ${JSON.stringify(p)} is not a string`);
    compilePattern(p);
  }
  return list as string[];
}

/** Whether `name` is a full datastream name: six non-empty levels, no '*', no level starting or ending with a space. */
export function isFullDatastreamName(name: string): boolean {
  // indexOf() rather than split() or a loop over characters: the consumer asks this of every new message key.
  if (name.indexOf("*") !== -1) return false;
  let start = 0;
  for (let level = 1; level < NAME_LEVELS; level++) {
    const end = name.indexOf(".", start);
    if (end === -1 || end === start || name.charCodeAt(start) === 32 || name.charCodeAt(end - 1) === 32) return false;
    start = end + 1;
  }
  const n = name.length;
  return start < n && name.indexOf(".", start) === -1 && name.charCodeAt(start) !== 32 && name.charCodeAt(n - 1) !== 32;
}
