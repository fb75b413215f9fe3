import { z } from "zod";

// The configuration a client application gives the SDK, as the console shows and downloads it (rhei-client.json)
// and as the `rhei` command line reads it (--config). Pure, so the secret dialog (in the browser), the REST API and
// the CLI share exactly one format.

/** Where the SDK is imported from in the snippets the console shows. */
export const SDK_MODULE = "rhei/sdk";
export const SDK_CONFIG_FILE = "rhei-client.json";
/** Stands in for the secret wherever the console shows a configuration after the one time it may show the secret. */
export const SECRET_PLACEHOLDER = "<shown once at registration or rotation>";

export interface SdkConnection {
  /** The console's public origin, for the SDK's API calls. */
  console: string;
  /** Kafka bootstrap servers as client applications reach them. */
  bootstrapServers: string;
}

/** rhei-client.json: what the console writes, every field set. */
export const sdkConfigSchema = z.object({
  /** The console's public origin, for the SDK's API calls. */
  console: z.string(),
  /** Kafka bootstrap servers, comma-separated (a file may also list them as an array). */
  bootstrapServers: z.union([z.string(), z.array(z.string()).transform((list) => list.join(","))]),
  system: z.string(),
  client: z.string(),
  secret: z.string(),
});
export type SdkConfig = z.output<typeof sdkConfigSchema>;

/** rhei-client.json as the CLI reads it: any field may be missing (the environment fills it in); others are ignored. */
export const sdkConfigFileSchema = sdkConfigSchema.partial();
export type SdkConfigFile = z.output<typeof sdkConfigFileSchema>;

export function sdkConfig(
  connection: SdkConnection,
  client: { systemName: string; name: string },
  secret: string = SECRET_PLACEHOLDER,
): SdkConfig {
  return {
    console: connection.console,
    bootstrapServers: connection.bootstrapServers,
    system: client.systemName,
    client: client.name,
    secret,
  };
}

export function sdkConfigJson(config: SdkConfig): string {
  return `${JSON.stringify(sdkConfigSchema.parse(config), null, 2)}\n`;
}

/** A short Node example; the secret comes from the environment, so it never lands in source control. */
export function sdkSnippet(config: SdkConfig): string {
  return [
    `import { RheiClient } from "${SDK_MODULE}";`,
    "",
    "const rhei = new RheiClient({",
    `  console: ${JSON.stringify(config.console)},`,
    `  bootstrapServers: ${JSON.stringify(config.bootstrapServers)},`,
    `  system: ${JSON.stringify(config.system)},`,
    `  client: ${JSON.stringify(config.client)},`,
    "  secret: process.env.RHEI_CLIENT_SECRET,",
    "});",
    "",
  ].join("\n");
}

/** What the browser gets back after registration or rotation: the secret, this once, and nothing of its hash. */
export interface IssuedSecret {
  client: { id: string; name: string; principal: string };
  secret: string;
}
