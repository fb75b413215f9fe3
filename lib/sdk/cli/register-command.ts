import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { SdkError } from "../errors";
import { type GlobalOptions, withClient } from "./client-session";

export function registerCommand(program: Command): void {
  program
    .command("register")
    .description("create or update the client's things, sensors and datastreams from an instances.json (idempotent)")
    .argument("<instances.json>", "the reference platform's format: Things, Sensors, Datastreams")
    .action(async (file: string) => {
      let instances: unknown;
      try {
        instances = JSON.parse(readFileSync(file, "utf8"));
      } catch (error) {
        throw new SdkError(
          "invalid-value",
          `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
        );
      }
      await withClient(program.opts<GlobalOptions>(), true, async (client) => {
        const r = await client.register(instances);
        process.stdout.write(
          `registered: ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged; ${r.datastreams.length} datastream(s)\n`,
        );
      });
    });
}
