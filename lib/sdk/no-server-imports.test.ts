import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The SDK runs in any Node program: nothing it imports, directly or through lib/kafka and lib/log, may pull in
// `server-only`, the console's environment, the database or the console's Kafka principal.
const root = path.resolve(import.meta.dirname, "../..");
const forbidden = [/^server-only$/, /lib\/env(\.ts)?$/, /lib\/db(\/|$)/, /console-connection/, /lib\/generated/];

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"|^\s*import\s+"([^"]+)"/gm)].map(
    (m) => (m[1] ?? m[2]) as string,
  );
}

function resolveLocal(from: string, spec: string): string | undefined {
  if (!spec.startsWith(".") && !spec.startsWith("@/")) return undefined;
  const base = spec.startsWith("@/") ? path.join(root, spec.slice(2)) : path.resolve(path.dirname(from), spec);
  for (const candidate of [`${base}.ts`, path.join(base, "index.ts"), base]) {
    try {
      readFileSync(candidate);
      return candidate;
    } catch {
      // try the next form
    }
  }
  return undefined;
}

describe("lib/sdk's import graph", () => {
  it("reaches no server-only module", () => {
    const seen = new Set<string>();
    const offending: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of importsOf(file)) {
        const resolved = resolveLocal(file, spec);
        const shown = resolved ? path.relative(root, resolved) : spec;
        if (forbidden.some((f) => f.test(spec) || f.test(shown.replace(/\.ts$/, "")))) {
          offending.push(`${path.relative(root, file)} → ${spec}`);
        }
        if (resolved) visit(resolved);
      }
    };
    visit(path.join(root, "lib/sdk/index.ts"));
    visit(path.join(root, "lib/sdk/cli/main.ts"));
    expect(seen.size).toBeGreaterThan(20);
    expect(offending).toEqual([]);
  });
});
