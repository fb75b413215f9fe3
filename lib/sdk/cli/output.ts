import { once } from "node:events";
import type { Writable } from "node:stream";

/** Writes a line, waiting when the stream's buffer is full, so a slow pipe slows the reading instead of memory. */
export async function writeLine(stream: Writable, line: string): Promise<void> {
  if (!stream.write(`${line}\n`)) await once(stream, "drain");
}

/**
 * A progress line on stderr: rewritten in place on a terminal, one line every few seconds otherwise (so logs of
 * scripted runs stay short). `done()` ends it with a final line.
 */
export class ProgressLine {
  private last = 0;
  private shown = false;
  private readonly tty = Boolean(process.stderr.isTTY);

  constructor(private readonly intervalMs = 1000) {}

  update(text: string): void {
    const now = performance.now();
    if (now - this.last < (this.tty ? this.intervalMs / 4 : this.intervalMs * 5)) return;
    this.last = now;
    this.write(text);
  }

  done(text: string): void {
    this.write(text);
    if (this.tty) process.stderr.write("\n");
  }

  private write(text: string): void {
    if (this.tty) process.stderr.write(`\r\u001b[2K${text}`);
    else process.stderr.write(`${text}\n`);
    this.shown = true;
  }

  get started(): boolean {
    return this.shown;
  }
}

export function count(n: number): string {
  return n.toLocaleString("en-US");
}
