import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { SdkError } from "../errors";
import type { RheiClient } from "../rhei-client";
import type { RheiRecord } from "../rhei-record";
import { parseSubscriptions } from "../subscription-pattern";
import { type GlobalOptions, stopSignal, withClient } from "./client-session";
import { writeLine } from "./output";

interface ConsumeOptions {
  from?: string;
  limit?: string;
  subscriptions?: string;
}

/** Patterns from the arguments and/or a subscriptions.json file; none means everything. */
export function subscribeFrom(client: RheiClient, patterns: string[], file: string | undefined): void {
  const all = [...patterns];
  if (file) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, "utf8"));
    } catch (error) {
      throw new SdkError("invalid-pattern", `cannot read subscriptions ${file}: ${(error as Error).message}`);
    }
    all.push(...parseSubscriptions(json));
  }
  if (all.length > 0) client.subscribe(all);
}

function limitOf(text: string | undefined): number {
  if (text === undefined) return Number.POSITIVE_INFINITY;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw new SdkError("invalid-option", `--limit "${text}" is not a positive integer`);
  return n;
}

async function print(records: AsyncIterable<RheiRecord>, limit: number, signal: AbortSignal): Promise<void> {
  let n = 0;
  for await (const record of records) {
    await writeLine(process.stdout, JSON.stringify(record));
    if (++n >= limit || signal.aborted) break;
  }
}

export function consumeCommands(program: Command): void {
  program
    .command("consume")
    .description("consume as the client's group (resumes from its committed position), one JSON record per line")
    .argument("[patterns...]", "datastream patterns with * (default: everything)")
    .option("--from <time>", "first move the group to this time (ISO-8601 or epoch)")
    .option("--limit <n>", "stop after n records")
    .option("--subscriptions <file>", 'a subscriptions.json ({"subscribed_datastreams": [...]})')
    .action(async (patterns: string[], options: ConsumeOptions) => {
      const limit = limitOf(options.limit);
      await withClient(program.opts<GlobalOptions>(), false, async (client) => {
        subscribeFrom(client, patterns, options.subscriptions);
        const signal = stopSignal();
        const records = client.consume({ from: options.from });
        // Ctrl-C ends the loop through return(), which commits what was printed.
        signal.addEventListener("abort", () => void records.return?.());
        await print(records, limit, signal);
      });
    });

  program
    .command("tail")
    .description("follow the system's data from now (or --from) without joining the group, one JSON record per line")
    .argument("[patterns...]", "datastream patterns with * (default: everything)")
    .option("--from <time>", "start at this time instead of now")
    .option("--limit <n>", "stop after n records")
    .option("--subscriptions <file>", "a subscriptions.json")
    .action(async (patterns: string[], options: ConsumeOptions) => {
      const limit = limitOf(options.limit);
      await withClient(program.opts<GlobalOptions>(), false, async (client) => {
        subscribeFrom(client, patterns, options.subscriptions);
        const signal = stopSignal();
        await print(client.tail({ from: options.from, signal }), limit, signal);
      });
    });
}
