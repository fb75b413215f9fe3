import { type DiffEntry, jsonDiff } from "../audit/json-diff";

// What an audit event changed, as the audit log shows it. Most events record the object before and after; some
// deletions (the reconciler's `provisioning.*.delete`) record what went away under `after` ({ deleted: name } or
// { removed: [...] }). A deleted thing was there before and is not after, so it is shown under "Before".

const GONE_KEYS = new Set(["deleted", "removed"]);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Whether the action takes something away: `thing.delete`, `member.remove`, `provisioning.acls.delete`. */
export function isRemoval(action: string): boolean {
  return /\.(delete|remove|leave)$/.test(action);
}

/** The before and after to compare: for a removal, what the event names as gone moves to the before side. */
export function auditSides(action: string, before: unknown, after: unknown): { before: unknown; after: unknown } {
  if (!isRemoval(action) || !isPlainObject(after)) return { before, after };
  const gone = Object.entries(after).filter(([k]) => GONE_KEYS.has(k));
  if (gone.length === 0) return { before, after };
  const rest = Object.fromEntries(Object.entries(after).filter(([k]) => !GONE_KEYS.has(k)));
  return {
    before: { ...(isPlainObject(before) ? before : {}), ...Object.fromEntries(gone) },
    after: Object.keys(rest).length > 0 ? rest : null,
  };
}

/** The field-by-field changes of an audit event (see auditSides). */
export function auditChanges(action: string, before: unknown, after: unknown): DiffEntry[] {
  const sides = auditSides(action, before, after);
  return jsonDiff(sides.before, sides.after);
}
