import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The module is shared by the SDK, the console (browser and server) and the stream-app worker: its code imports
// only its own files (tests may import vitest, fast-check and node:), and uses nothing of Node or of eval.
const dir = import.meta.dirname;
const sources = readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));

function importsOf(text: string): string[] {
  return [...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"|^\s*import\s+"([^"]+)"/gm)].map(
    (m) => (m[1] ?? m[2]) as string,
  );
}

describe("lib/filter-language is pure", () => {
  it("imports nothing outside itself (fast-check only in test support)", () => {
    expect(sources.length).toBeGreaterThan(20);
    const outside = sources.flatMap((file) =>
      importsOf(readFileSync(path.join(dir, file), "utf8"))
        .filter((spec) => !spec.startsWith("./") && !(file === "ast-arbitraries.ts" && spec === "fast-check"))
        .map((spec) => `${file} → ${spec}`),
    );
    expect(outside).toEqual([]);
  });

  it("uses no process, eval, Function constructor, Node globals or server-only code", () => {
    const banned = /\bprocess\.|\beval\(|new Function|\bFunction\(|\brequire\(|\bBuffer\b|server-only|"node:/;
    const offending = sources.filter((file) => banned.test(readFileSync(path.join(dir, file), "utf8")));
    expect(offending).toEqual([]);
  });

  it("keeps the index free of test support", () => {
    expect(readFileSync(path.join(dir, "index.ts"), "utf8")).not.toMatch(/arbitraries/);
  });
});
