// JSON values compared and written independently of key order. PostgreSQL's jsonb reorders object keys, so
// "unchanged" must not depend on order, and exported files (meant for version control) sort keys for stable diffs.

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A copy with every object's keys sorted (code-unit order, the same on every machine and locale). */
export function sortKeysDeep(value: unknown): JsonValue {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value !== null && typeof value === "object") {
    const out: { [key: string]: JsonValue } = {};
    for (const key of Object.keys(value).sort(compareCodeUnits)) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeysDeep(v);
    }
    return out;
  }
  return value as JsonValue;
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeysDeep(value ?? null));
}

export function jsonEqual(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
