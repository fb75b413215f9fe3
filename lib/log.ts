// One line per event, `level scope message {fields}`, so logs stay greppable without a logging stack.
type Level = "debug" | "info" | "warn" | "error";
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
let threshold = order.info;

/** Entry points set this from their validated configuration (lib/env.ts, or the SDK's options). */
export function setLogLevel(level: Level): void {
  threshold = order[level];
}

export type Logger = Record<Level, (message: string, fields?: Record<string, unknown>) => void>;

export function createLogger(scope: string): Logger {
  const write = (level: Level) => (message: string, fields?: Record<string, unknown>) => {
    if (order[level] < threshold) return;
    const tail = fields ? ` ${JSON.stringify(fields, errorReplacer)}` : "";
    const line = `${new Date().toISOString()} ${level.padEnd(5)} ${scope}: ${message}${tail}`;
    if (level === "error" || level === "warn") console.error(line);
    else console.log(line);
  };
  return { debug: write("debug"), info: write("info"), warn: write("warn"), error: write("error") };
}

function errorReplacer(_key: string, value: unknown) {
  return value instanceof Error ? { name: value.name, message: value.message } : value;
}
