/**
 * Why `value` nests deeper than `maxDepth` arrays and objects, or undefined. Iterative, so a hostile document of
 * 100,000 levels is refused without touching the stack that a recursive check (or a recursive validator) would
 * overflow.
 */
export function jsonDepthProblem(value: unknown, maxDepth: number): string | undefined {
  const stack: { v: unknown; depth: number }[] = [{ v: value, depth: 0 }];
  while (stack.length > 0) {
    const { v, depth } = stack.pop() as { v: unknown; depth: number };
    if (v === null || typeof v !== "object") continue;
    if (depth >= maxDepth) return `nests deeper than ${maxDepth} levels`;
    for (const inner of Array.isArray(v) ? v : Object.values(v)) {
      if (inner !== null && typeof inner === "object") stack.push({ v: inner, depth: depth + 1 });
    }
  }
  return undefined;
}
