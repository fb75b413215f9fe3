// What an audit event changed: the before and after JSON compared path by path, for the audit log's expandable rows.
// Pure, so the page and the tests share it.

export interface DiffEntry {
  /** `description`, `unit.symbol`, `tags[2]`. */
  path: string;
  kind: "added" | "removed" | "changed";
  before?: unknown;
  after?: unknown;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function join(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Differences between two JSON values; objects and arrays are compared member by member. */
export function jsonDiff(before: unknown, after: unknown, path = ""): DiffEntry[] {
  const absentBefore = before === undefined || before === null;
  const absentAfter = after === undefined || after === null;
  if (absentBefore && absentAfter) return [];
  // A creation or deletion with an object lists its fields one by one.
  if (absentBefore && isPlainObject(after) && path === "") {
    return Object.keys(after).map((k) => ({ path: k, kind: "added" as const, after: after[k] }));
  }
  if (absentAfter && isPlainObject(before) && path === "") {
    return Object.keys(before).map((k) => ({ path: k, kind: "removed" as const, before: before[k] }));
  }
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => {
      const here = join(path, key);
      if (!(key in before)) return [{ path: here, kind: "added" as const, after: after[key] }];
      if (!(key in after)) return [{ path: here, kind: "removed" as const, before: before[key] }];
      return jsonDiff(before[key], after[key], here);
    });
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const out: DiffEntry[] = [];
    for (let i = 0; i < Math.max(before.length, after.length); i++) {
      if (i >= before.length) out.push({ path: join(path, i), kind: "added", after: after[i] });
      else if (i >= after.length) out.push({ path: join(path, i), kind: "removed", before: before[i] });
      else out.push(...jsonDiff(before[i], after[i], join(path, i)));
    }
    return out;
  }
  if (same(before, after)) return [];
  if (absentBefore) return [{ path: path || "(value)", kind: "added", after }];
  if (absentAfter) return [{ path: path || "(value)", kind: "removed", before }];
  return [{ path: path || "(value)", kind: "changed", before, after }];
}
