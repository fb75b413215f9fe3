import { createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";
import type { Command } from "commander";
import { type GlobalOptions, stopSignal, withClient } from "./client-session";
import { subscribeFrom } from "./consume-command";
import { count, ProgressLine, writeLine } from "./output";

interface ReplayOptions {
  from: string;
  to: string;
  out?: string;
  subscriptions?: string;
}

export function replayCommand(program: Command): void {
  program
    .command("replay")
    .description("write the records of [from, to) as JSON lines, read without the group; progress on stderr")
    .argument("[patterns...]", "datastream patterns with * (default: everything)")
    .requiredOption("--from <time>", "start (ISO-8601 or epoch), inclusive")
    .requiredOption("--to <time>", "end, exclusive")
    .option("--out <file>", "write to this file instead of stdout")
    .option("--subscriptions <file>", "a subscriptions.json")
    .action(async (patterns: string[], options: ReplayOptions) => {
      await withClient(program.opts<GlobalOptions>(), false, async (client) => {
        subscribeFrom(client, patterns, options.subscriptions);
        const out = options.out ? createWriteStream(options.out) : process.stdout;
        const progress = new ProgressLine();
        const signal = stopSignal();
        let written = 0;
        let seen = { read: 0, total: undefined as number | undefined };
        const line = () => {
          const of = seen.total === undefined ? "" : ` of ${count(seen.total)}`;
          const pct = seen.total ? ` (${Math.floor((100 * seen.read) / seen.total)}%)` : "";
          return `replay: read ${count(seen.read)}${of}${pct}, wrote ${count(written)}`;
        };
        const records = client.replay(options.from, options.to, {
          signal,
          onProgress: (p) => {
            seen = p;
            progress.update(line());
          },
        });
        for await (const record of records) {
          await writeLine(out, JSON.stringify(record));
          written++;
        }
        if (out !== process.stdout) {
          out.end();
          await finished(out);
        }
        progress.done(line());
      });
    });
}
