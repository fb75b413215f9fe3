import { RheiClient } from "../rhei-client";
import { loadCliConfig } from "./cli-config";

export interface GlobalOptions {
  config?: string;
}

/** Runs `work` with a client made from the CLI's configuration, and always closes it (flushing what was produced). */
export async function withClient<T>(
  globals: GlobalOptions,
  needsConsole: boolean,
  work: (client: RheiClient) => Promise<T>,
): Promise<T> {
  const client = new RheiClient(loadCliConfig(globals.config, needsConsole));
  let result: T;
  try {
    result = await work(client);
  } catch (error) {
    await client.close().catch(() => undefined);
    throw error;
  }
  await client.close();
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
