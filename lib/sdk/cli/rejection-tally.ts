import type { RejectedRecord } from "../rejected-record";
import { count } from "./output";

/** A reason without the values that make every rejection unique, so like rejections are counted together. */
export function reasonKind(reason: string): string {
  const kind = reason
    .replace(/"[^"]*"/g, '"…"')
    .replace(/'[^']*'/g, "'…'")
    .replace(/\b\d+(?:\.\d+)?\b/g, "n")
    .replace(/ \S+\.(int|ext)\b/g, " <topic>");
  return kind.length > 120 ? `${kind.slice(0, 119)}…` : kind;
}

/**
 * What the CLI says about records it could not use: each new kind of rejection once on stderr as it happens (with
 * where the first one sits), and the totals when the command ends. Never silently skipped.
 */
export class RejectionTally {
  private readonly kinds = new Map<string, number>();
  total = 0;

  constructor(private readonly say: (line: string) => void = (line) => process.stderr.write(`${line}\n`)) {}

  add(rejection: RejectedRecord): void {
    this.total++;
    const kind = reasonKind(rejection.reason);
    const seen = this.kinds.get(kind) ?? 0;
    this.kinds.set(kind, seen + 1);
    if (seen === 0) {
      this.say(
        `rejected ${rejection.topic}/${rejection.partition}@${rejection.offset}: ${rejection.reason} (not passed on; more like it are counted)`,
      );
    }
  }

  summary(): string | undefined {
    if (this.total === 0) return undefined;
    const parts = [...this.kinds].sort((a, b) => b[1] - a[1]).map(([kind, n]) => `${count(n)} × ${kind}`);
    return `rejected ${count(this.total)} record${this.total === 1 ? "" : "s"}: ${parts.join("; ")}`;
  }
}
