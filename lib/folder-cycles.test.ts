import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The folders of lib/ depend on each other in one direction only (lib/events, lib/topology and the pure modules at
// the bottom; domains above them; pipelines above those): an import cycle between two folders is a seam in the
// wrong place. Tests are left out: they may reach across.
const lib = path.resolve(import.meta.dirname);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const file = path.join(dir, entry);
    if (statSync(file).isDirectory()) return entry === "generated" ? [] : sourceFiles(file);
    return /\.tsx?$/.test(entry) && !/\.test\.ts$/.test(entry) ? [file] : [];
  });
}

function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(lib)) {
    const from = path.relative(lib, file).split(path.sep)[0] as string;
    if (from.endsWith(".ts")) continue; // a module at lib/'s top level is a leaf of its own
    for (const [, spec] of readFileSync(file, "utf8").matchAll(/from\s+"([^"]+)"/g)) {
      const target = spec?.startsWith("@/lib/")
        ? spec.slice(6)
        : spec?.startsWith(".")
          ? path.relative(lib, path.resolve(path.dirname(file), spec))
          : undefined;
      const folder = target?.split(/[/\\]/)[0];
      if (!folder || folder === ".." || folder === from || target === folder) continue;
      const edges = graph.get(from) ?? new Set<string>();
      edges.add(folder);
      graph.set(from, edges);
    }
  }
  return graph;
}

/** Strongly connected components with more than one folder: each is a cycle. */
function cycles(graph: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) out.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

describe("lib/'s folders", () => {
  it("import each other without cycles", () => {
    const graph = folderGraph();
    expect(graph.size).toBeGreaterThan(20);
    expect(cycles(graph)).toEqual([]);
  });

  it("would notice a cycle", () => {
    const graph = new Map([
      ["a", new Set(["b"])],
      ["b", new Set(["c"])],
      ["c", new Set(["a"])],
      ["d", new Set(["a"])],
    ]);
    expect(cycles(graph)).toEqual([["a", "b", "c"]]);
  });
});
