// How well a name matches what was typed, for ordering search results: lower is better.
//   0 the name (or its short form) is what was typed
//   1 the short name starts with it
//   2 the full name, or one of its levels or words, starts with it
//   3 it appears somewhere inside
export function rankMatch(q: string, shortName: string, fullName = shortName): number {
  const needle = q.toLowerCase();
  const short = shortName.toLowerCase();
  const full = fullName.toLowerCase();
  if (short === needle || full === needle) return 0;
  if (short.startsWith(needle)) return 1;
  if (full.startsWith(needle) || full.split(/[.\s_-]+/).some((word) => word.startsWith(needle))) return 2;
  return 3;
}

/** Sorts by rank, then shorter names first (closer to what was typed), then alphabetically. */
export function byRank<T>(q: string, names: (item: T) => [short: string, full?: string]) {
  return (a: T, b: T): number => {
    const [as, af] = names(a);
    const [bs, bf] = names(b);
    return rankMatch(q, as, af) - rankMatch(q, bs, bf) || as.length - bs.length || as.localeCompare(bs, "en");
  };
}
