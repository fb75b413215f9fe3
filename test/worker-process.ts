// A worker process (worker.ts, as `npm run worker` starts it) for tests and benchmarks: the test's environment, as a
// worker (RHEI_PROCESS=worker), running only the given companies' apps. Its output is kept for failure messages.
import { type ChildProcess, spawn } from "node:child_process";

export function startWorkerProcess(
  companyIds: string[],
  onOutput: (text: string) => void,
  env: Record<string, string> = {},
): ChildProcess {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--import", "./scripts/runtime/register-hooks.mjs", "worker.ts"],
    {
      cwd: process.cwd(),
      env: {
        ...process.env,
        RHEI_PROCESS: "worker",
        RHEI_WORKER_COMPANIES: companyIds.join(","),
        LOG_LEVEL: "info",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout?.on("data", (chunk: Buffer) => onOutput(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => onOutput(chunk.toString()));
  return child;
}

/** Resolves when the process has exited (at once if it already has). */
export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}
