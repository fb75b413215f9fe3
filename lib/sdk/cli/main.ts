import { Command, CommanderError } from "commander";
import { setLogLevel } from "../../log";
import { SdkError } from "../errors";
import { consumeCommands } from "./consume-command";
import { exportCommand } from "./export-command";
import { produceCommand } from "./produce-command";
import { registerCommand } from "./register-command";
import { replayCommand } from "./replay-command";

// `npx rhei …`: bin/rhei.mjs registers tsx and imports this module. Every failure ends in one line on stderr and
// a non-zero exit; stdout carries only data (JSON lines) so it can be piped.
setLogLevel("warn");

const program = new Command("rhei")
  .description("Rhei's command line: produce, consume, tail, register, replay (client applications); export (users)")
  .option("--config <file>", "JSON with console, bootstrapServers, system, client, secret (else RHEI_* variables)")
  .showHelpAfterError()
  .exitOverride();

produceCommand(program);
consumeCommands(program);
registerCommand(program);
replayCommand(program);
exportCommand(program);

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s*\n\s*/g, " ");
}

// A closed pipe (`rhei tail | head`) is the reader saying "enough", not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
});

try {
  await program.parseAsync(process.argv);
  process.exit(0);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  const code = error instanceof SdkError ? ` [${error.code}]` : "";
  process.stderr.write(`rhei: ${oneLine(error)}${code}\n`);
  process.exit(1);
}
