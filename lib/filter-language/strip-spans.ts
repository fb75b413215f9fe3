/** A copy of a syntax tree (query or expression) without `span`s, to compare trees regardless of layout. */
export function stripSpans<T>(node: T): T {
  if (Array.isArray(node)) return node.map((n) => stripSpans(n)) as T;
  if (node === null || typeof node !== "object") return node;
  const copy: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) if (k !== "span") copy[k] = stripSpans(v);
  return copy as T;
}
