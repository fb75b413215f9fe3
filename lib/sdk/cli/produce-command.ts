import { createInterface } from "node:readline";
import type { Command } from "commander";
import { SdkError } from "../errors";
import type { RheiClient } from "../rhei-client";
import { type GlobalOptions, withClient } from "./client-session";
import { count, ProgressLine } from "./output";

// A value from the command line: JSON when it reads as JSON (3.5, true, {"lat": 1}), the text itself otherwise
// ("icy"), so `rhei produce Road icy` and `rhei produce Position '{"lat":47.8,"lon":13}'` both do what they say.
function valueFromArgument(text: string): unknown {
  try {
    const value: unknown = JSON.parse(text);
    return value === null ? text : value;
  } catch {
    return text;
  }
}

function parseAttributes(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new SdkError("invalid-value", `--attributes is not JSON: ${text}`);
  }
}

interface StdinLine {
  datastream?: unknown;
  result?: unknown;
  phenomenonTime?: unknown;
  attributes?: unknown;
}

async function produceLines(client: RheiClient): Promise<number> {
  const progress = new ProgressLine();
  let n = 0;
  let lineNo = 0;
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
    lineNo++;
    if (line.trim() === "") continue;
    let parsed: StdinLine;
    try {
      parsed = JSON.parse(line) as StdinLine;
    } catch {
      throw new SdkError("invalid-value", `line ${lineNo}: not JSON`);
    }
    if (typeof parsed !== "object" || parsed === null || typeof parsed.datastream !== "string") {
      throw new SdkError(
        "invalid-value",
        `line ${lineNo}: expected {"datastream": "…", "result": …, "phenomenonTime"?, "attributes"?}`,
      );
    }
    try {
      await client.produce(parsed.datastream, parsed.result, {
        phenomenonTime: parsed.phenomenonTime as never,
        attributes: parsed.attributes as Record<string, unknown> | undefined,
      });
    } catch (error) {
      if (error instanceof SdkError)
        throw new SdkError(error.code, `line ${lineNo}: ${error.message}`, { cause: error });
      throw error;
    }
    n++;
    progress.update(`produce: ${count(n)} records`);
  }
  await client.flush();
  if (progress.started) progress.done(`produce: ${count(n)} records`);
  return n;
}

export function produceCommand(program: Command): void {
  program
    .command("produce")
    .description("produce one observation, or JSON lines from stdin when no datastream is given")
    .argument("[datastream]", "full name, thing.datastream, or the datastream's own name")
    .argument("[value]", "the result (JSON, or text)")
    .option("--time <time>", "phenomenon time: ISO-8601 or epoch s/ms/µs/ns (default: now)")
    .option("--attributes <json>", "extra facts, e.g. '{\"lat\": 47.8}'")
    .addHelpText(
      "after",
      '\nFrom stdin, one JSON object per line: {"datastream": "Air Temperature", "result": 3.5, "phenomenonTime": "…"}',
    )
    .action(
      async (
        datastream: string | undefined,
        value: string | undefined,
        options: { time?: string; attributes?: string },
      ) => {
        const globals = program.opts<GlobalOptions>();
        await withClient(globals, true, async (client) => {
          if (datastream === undefined || datastream === "-") {
            const n = await produceLines(client);
            process.stderr.write(`produced ${count(n)} record(s)\n`);
            return;
          }
          if (value === undefined) throw new SdkError("invalid-value", `no value given for "${datastream}"`);
          await client.produce(datastream, valueFromArgument(value), {
            phenomenonTime: options.time,
            attributes: parseAttributes(options.attributes),
          });
          await client.flush();
        });
      },
    );
}
