import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseJoinExpression } from "./parse-join";
import { parseQuery } from "./parse-query";

// Every example of docs/filter-language.md parses: queries as queries, join expressions as joins, and the
// remaining lines as WHERE conditions.
const doc = readFileSync(path.resolve(import.meta.dirname, "../../docs/filter-language.md"), "utf8");
const blocks = [...doc.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1] as string);

function items(block: string): string[] {
  const lines = block.split("\n").map((l) => l.replace(/--.*$/, "").trimEnd());
  const out: string[] = [];
  for (const line of lines) {
    if (line.trim() === "") continue;
    if (/^\s/.test(line) && out.length > 0) out[out.length - 1] += `\n${line}`;
    else out.push(line);
  }
  return out;
}

describe("docs/filter-language.md", () => {
  const examples = blocks.flatMap(items);

  it("has examples", () => {
    expect(examples.length).toBeGreaterThan(10);
  });

  it.each(examples)("%s", (text) => {
    if (/^SELECT/i.test(text)) parseQuery(text);
    else if (/\b(left|right)\b/.test(text)) parseJoinExpression(text);
    else parseQuery(`SELECT * FROM * WHERE ${text}`);
  });
});
