import { createWriteStream } from "node:fs";
import type { Writable } from "node:stream";
import type { Command } from "commander";
import { SdkError } from "../errors";
import { loadExportConfig } from "./cli-config";
import type { GlobalOptions } from "./client-session";
import { stopSignal } from "./client-session";
import { count, ProgressLine } from "./output";

interface ExportOptions {
  console?: string;
  token?: string;
  company: string;
  datastreams?: string;
  pattern?: string;
  from: string;
  to: string;
  format: string;
  delimiter: string;
  filter?: string;
  out?: string;
}

async function problem(response: Response, what: string): Promise<SdkError> {
  const text = await response.text();
  let detail = "";
  try {
    const body = JSON.parse(text) as { detail?: unknown };
    if (typeof body.detail === "string") detail = `: ${body.detail}`;
  } catch {
    // not a problem document
  }
  const code = response.status === 401 ? "authentication" : response.status === 403 ? "authorization" : "console";
  return new SdkError(code, `${what} answered ${response.status}${detail}`);
}

/** Writes a chunk, waiting when the stream's buffer is full (a slow disk slows the download, not memory). */
async function write(out: Writable, chunk: Uint8Array): Promise<void> {
  if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
}

export function exportCommand(program: Command): void {
  program
    .command("export")
    .description("a user's export of records from the console (data.read): exactly the selected records, streamed")
    .requiredOption("--company <id>", "the company's id")
    .option("--datastreams <ids>", "datastream ids, comma-separated")
    .option("--pattern <pattern>", "a * pattern over the company's datastream names, e.g. cz.icecars.*.*.Car1.*")
    .requiredOption("--from <time>", "start, inclusive: ISO-8601 with a zone, or now-6h")
    .requiredOption("--to <time>", "end, exclusive")
    .option("--format <format>", "csv, json or ndjson", "csv")
    .option("--delimiter <delimiter>", "CSV: comma, semicolon or tab", "comma")
    .option("--filter <ranges>", "value ranges <datastreamId>:<min>:<max>, comma-separated")
    .option("--out <file>", "write to this file instead of stdout")
    .option("--console <url>", "the console's URL (else RHEI_CONSOLE_URL or the config file's)")
    .option("--token <token>", "a personal API token (else RHEI_TOKEN)")
    .action(async (options: ExportOptions) => {
      const { console: consoleUrl, token } = loadExportConfig(program.opts<GlobalOptions>().config, options);
      const base = consoleUrl.replace(/\/+$/, "");
      const selection: Record<string, string> = {
        ...(options.datastreams ? { datastreams: options.datastreams } : {}),
        ...(options.pattern ? { pattern: options.pattern } : {}),
        from: options.from,
        to: options.to,
        ...(options.filter ? { filter: options.filter } : {}),
      };
      const headers = { authorization: `Bearer ${token}` };
      const company = encodeURIComponent(options.company);
      const signal = stopSignal();
      // The count first (cheap, exact or an estimate), for the progress line.
      const countUrl = `${base}/api/v1/companies/${company}/history/records?${new URLSearchParams({ ...selection, pageSize: "1" })}`;
      const first = await fetch(countUrl, { headers, signal }).catch((error: unknown) => {
        throw new SdkError("unavailable", `console unreachable at ${base}: ${(error as Error).message}`);
      });
      if (!first.ok) throw await problem(first, `GET ${countUrl}`);
      const { count: total } = (await first.json()) as { count: { value: number; exact: boolean } };
      const url = `${base}/api/v1/companies/${company}/history/export?${new URLSearchParams({
        ...selection,
        format: options.format,
        delimiter: options.delimiter,
      })}`;
      const response = await fetch(url, { headers, signal });
      if (!response.ok || !response.body) throw await problem(response, `GET ${url}`);
      const out: Writable = options.out ? createWriteStream(options.out) : process.stdout;
      const progress = new ProgressLine();
      let lines = 0;
      const records = () => (options.format === "ndjson" ? lines : Math.max(0, lines - 1));
      const line = () => `export: ${count(records())} of ${total.exact ? "" : "≈ "}${count(total.value)} records`;
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        for (const byte of chunk) if (byte === 10) lines++;
        await write(out, chunk);
        progress.update(line());
      }
      if (out !== process.stdout) {
        await new Promise<void>((resolve, reject) =>
          out.end((error?: Error | null) => (error ? reject(error) : resolve())),
        );
      }
      progress.done(line());
    });
}
