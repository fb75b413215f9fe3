import { readFileSync } from "node:fs";
import { type SdkConfigFile, sdkConfigFileSchema } from "../../clients/sdk-config";
import type { RheiClientOptions } from "../client-options";
import { SdkError } from "../errors";

// The one module of the CLI that reads the environment (biome's noProcessEnv override names it).

/** What the console's client page shows, and what `--config <file>` contains (rhei-client.json). */
export type CliConfig = { [K in keyof SdkConfigFile]?: string };

const fromEnv = {
  console: "RHEI_CONSOLE_URL",
  bootstrapServers: "RHEI_BOOTSTRAP_SERVERS",
  system: "RHEI_SYSTEM",
  client: "RHEI_CLIENT",
  secret: "RHEI_SECRET",
} as const;

function readConfigFile(file: string): CliConfig {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new SdkError(
      "invalid-option",
      `cannot read config file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new SdkError("invalid-option", `config file ${file} is not JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new SdkError("invalid-option", `config file ${file} must hold a JSON object`);
  }
  const checked = sdkConfigFileSchema.safeParse(parsed);
  if (!checked.success) {
    const key = checked.error.issues[0]?.path[0];
    throw new SdkError("invalid-option", `config file ${file}: "${String(key)}" must be a string`);
  }
  const out: CliConfig = {};
  for (const [key, value] of Object.entries(checked.data) as [keyof CliConfig, string | undefined][]) {
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/**
 * The client's options from `--config <file>` (JSON: console, bootstrapServers, system, client, secret) and the
 * environment (RHEI_CONSOLE_URL, RHEI_BOOTSTRAP_SERVERS, RHEI_SYSTEM, RHEI_CLIENT, RHEI_SECRET); the file wins where
 * both say something. `needsConsole` for the commands that cannot work without the console's API.
 */
export function loadCliConfig(configFile: string | undefined, needsConsole: boolean): RheiClientOptions {
  const file = configFile ? readConfigFile(configFile) : {};
  const merged: CliConfig = {};
  for (const [key, variable] of Object.entries(fromEnv) as [keyof CliConfig, string][]) {
    const value = file[key] ?? process.env[variable];
    if (value !== undefined && value !== "") merged[key] = value;
  }
  const required: (keyof CliConfig)[] = ["bootstrapServers", "system", "client", "secret"];
  if (needsConsole) required.unshift("console");
  const missing = required.filter((k) => merged[k] === undefined);
  if (missing.length > 0) {
    const named = missing.map((k) => `${fromEnv[k]} (or "${k}" in --config)`).join(", ");
    throw new SdkError("invalid-option", `missing ${named}`);
  }
  return {
    console: merged.console,
    bootstrapServers: merged.bootstrapServers as string,
    system: merged.system as string,
    client: merged.client as string,
    secret: merged.secret as string,
    // A person at a terminal wants to hear about a dead broker in seconds, not after a minute of retries.
    retries: 2,
    connectionTimeoutMs: 3000,
  };
}

/**
 * What `rhei export` needs: the console's URL (--console, the config file's "console", or RHEI_CONSOLE_URL) and a
 * user's personal API token (--token or RHEI_TOKEN): exports are a user's reads (data.read), not a client's.
 */
export function loadExportConfig(
  configFile: string | undefined,
  flags: { console?: string; token?: string },
): { console: string; token: string } {
  const file = configFile ? readConfigFile(configFile) : {};
  const consoleUrl = flags.console ?? file.console ?? process.env.RHEI_CONSOLE_URL;
  const token = flags.token ?? process.env.RHEI_TOKEN;
  const missing = [
    consoleUrl ? undefined : "the console's URL (--console or RHEI_CONSOLE_URL)",
    token ? undefined : "a personal API token (--token or RHEI_TOKEN; create one on your profile page)",
  ].filter(Boolean);
  if (missing.length > 0) throw new SdkError("invalid-option", `missing ${missing.join(" and ")}`);
  return { console: consoleUrl as string, token: token as string };
}
