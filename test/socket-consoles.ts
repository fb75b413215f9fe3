// Starts console processes (test/support/socket-console.ts) for tests that need more than one, and signs sockets
// in to them with real session cookies.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { io, type Socket } from "socket.io-client";
import { SESSION_COOKIE } from "@/lib/auth/session-cookie-name";
import { env } from "@/lib/env";

const root = path.resolve(import.meta.dirname, "..");

export interface SocketConsole {
  url: string;
  /** The console process's id (benchmarks read its CPU time). */
  pid: number;
  stop(): Promise<void>;
}

/** A console process running `script` (by default the socket console: Socket.IO and the live hub, no Next.js). */
export async function startSocketConsole(
  extraEnv: Record<string, string> = {},
  script = "test/support/socket-console.ts",
  nodeOptions: string[] = [],
): Promise<SocketConsole> {
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeOptions, "--import", "tsx", "--import", "./scripts/runtime/register-hooks.mjs", script],
    { cwd: root, env: { ...process.env, ...extraEnv }, stdio: ["ignore", "pipe", "inherit"] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = /ready (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.on("exit", (code) => reject(new Error(`socket console exited (${code}) before it was ready`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid ?? 0,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.on("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** A session cookie as next-auth signs it at sign-in, for the user in the given session epoch. */
export async function sessionCookie(userId: string, epoch = 0): Promise<string> {
  const token = await encode({ token: { uid: userId, sub: userId, epoch }, secret: env.NEXTAUTH_SECRET, maxAge: 3600 });
  return `${SESSION_COOKIE}=${token}`;
}

/** A connected, greeted socket; rejects with the server's refusal. */
export async function connectSocket(url: string, cookie: string, headers: Record<string, string> = {}) {
  const socket: Socket = io(url, {
    path: "/socket.io",
    transports: ["websocket"],
    extraHeaders: { cookie, ...headers },
    reconnection: false,
  });
  await new Promise<void>((resolve, reject) => {
    socket.on("session:ready", () => resolve());
    socket.on("connect_error", (e) => {
      socket.close();
      reject(e);
    });
  });
  return socket;
}

/** Resolves with the payload of the next `event` on the socket, or rejects after `withinMs`. */
export function nextEvent<T>(socket: Socket, event: string, withinMs: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${withinMs} ms`)), withinMs);
    socket.once(event, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}
