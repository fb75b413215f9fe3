import { RheiClient } from "../rhei-client";
import { loadCliConfig } from "./cli-config";
import { RejectionTally } from "./rejection-tally";

export interface GlobalOptions {
  config?: string;
}

/**
 * Runs `work` with a client made from the CLI's configuration, and always closes it (flushing what was produced).
 * Records the client could not use are told on stderr as they come and counted by reason at the end.
 */
export async function withClient<T>(
  globals: GlobalOptions,
  needsConsole: boolean,
  work: (client: RheiClient) => Promise<T>,
): Promise<T> {
  const tally = new RejectionTally();
  const client = new RheiClient({ ...loadCliConfig(globals.config, needsConsole), onRejected: (r) => tally.add(r) });
  const sayRejections = () => {
    const summary = tally.summary();
    if (summary) process.stderr.write(`${summary}\n`);
  };
  let result: T;
  try {
    result = await work(client);
  } catch (error) {
    await client.close().catch(() => undefined);
    sayRejections();
    throw error;
  }
  await client.close();
  sayRejections();
  return result;
}

/** An AbortSignal that fires on Ctrl-C or SIGTERM, for commands that run until stopped. */
export function stopSignal(): AbortSignal {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return controller.signal;
}
